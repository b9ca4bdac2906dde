import {
  flexRender,
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type ColumnFiltersState,
  type OnChangeFn,
  type SortingState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface VirtualTableProps<T> {
  data: T[];
  columns: ColumnDef<T, unknown>[];
  /** Client-side global filter text (ignored when `manual`). */
  globalFilter?: string;
  columnFilters?: ColumnFiltersState;
  /** Sorting and filtering happen on the server; the table only renders and reports sort changes. */
  manual?: boolean;
  sorting?: SortingState;
  onSortingChange?: OnChangeFn<SortingState>;
  onRowOpen?: (row: T) => void;
  onEndReached?: () => void;
  rowHeight?: number;
  label: string;
  getRowId?: (row: T) => string;
  /** The focused row, when the parent drives it (keyboard triage); else the table keeps its own. */
  activeIndex?: number;
  onActiveIndexChange?: (index: number) => void;
  /** Arrows, j/k, Enter on the focused table body (off when the parent handles keys itself). */
  keyboardNavigation?: boolean;
  /** A row drawn as one cell across the table (a group header), or null for a normal row. */
  fullWidthRow?: (row: T) => ReactNode | null;
  rowClassName?: (row: T) => string;
  /** Multi-selection (for bulk actions): shown as aria-selected; without it aria-selected marks the focused row. */
  isRowSelected?: (row: T) => boolean;
  /** Per column id, a control drawn under its header (column filters). */
  filterRow?: Partial<Record<string, ReactNode>>;
  rowTestId?: string;
}

const noFilters: ColumnFiltersState = [];

/**
 * A table that stays smooth at 100,000 rows: only the visible rows are in the DOM. Sortable headers,
 * optional client-side filtering, keyboard navigation (arrows, j/k, Enter opens).
 */
export function VirtualTable<T>(props: VirtualTableProps<T>) {
  const [localSorting, setLocalSorting] = useState<SortingState>([]);
  const sorting = props.sorting ?? localSorting;
  const table = useReactTable({
    data: props.data,
    columns: props.columns,
    state: {
      sorting,
      globalFilter: props.globalFilter ?? '',
      columnFilters: props.columnFilters ?? noFilters,
    },
    // No pagination here: without this, every new filter array resets the page index, which re-renders with a
    // new filter array … an endless render loop.
    autoResetAll: false,
    onSortingChange: props.onSortingChange ?? setLocalSorting,
    manualSorting: props.manual ?? false,
    manualFiltering: props.manual ?? false,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    ...(props.getRowId ? { getRowId: props.getRowId } : {}),
  });
  const rows = table.getRowModel().rows;
  const scrollRef = useRef<HTMLDivElement>(null);
  const rowHeight = props.rowHeight ?? 34;
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });
  const [localActive, setLocalActive] = useState(0);
  const active = props.activeIndex ?? localActive;
  const setActive = props.onActiveIndexChange ?? setLocalActive;
  const items = virtualizer.getVirtualItems();
  const lastIndex = items[items.length - 1]?.index ?? -1;
  const { onEndReached } = props;
  useEffect(() => {
    if (onEndReached && rows.length > 0 && lastIndex >= rows.length - 20) onEndReached();
  }, [onEndReached, lastIndex, rows.length]);
  // Bring the focused row into view when it moves (keys here, or the parent's triage keys) — not when more rows
  // load, which would pull a user who scrolled away with the mouse back to it.
  const shownActive = useRef(active);
  useEffect(() => {
    if (shownActive.current === active) return;
    shownActive.current = active;
    if (active >= 0 && active < rows.length) virtualizer.scrollToIndex(active, { align: 'auto' });
  }, [active, rows.length, virtualizer]);

  const move = (to: number): void => setActive(Math.max(0, Math.min(rows.length - 1, to)));
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (props.keyboardNavigation === false || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === 'ArrowDown' || event.key === 'j') move(active + 1);
    else if (event.key === 'ArrowUp' || event.key === 'k') move(active - 1);
    else if (event.key === 'PageDown') move(active + 20);
    else if (event.key === 'PageUp') move(active - 20);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(rows.length - 1);
    else if (event.key === 'Enter' && rows[active]) props.onRowOpen?.(rows[active].original);
    else return;
    event.preventDefault();
  };
  const template = table
    .getVisibleLeafColumns()
    .map((c) => (c.columnDef.size && c.columnDef.size !== 150 ? `${c.columnDef.size}px` : 'minmax(120px, 1fr)'))
    .join(' ');
  const headers = table.getHeaderGroups()[0]!.headers;

  return (
    <div className="vtable" role="grid" aria-label={props.label} aria-rowcount={rows.length} aria-multiselectable={props.isRowSelected ? true : undefined}>
      <div className="vtable-header" role="row" style={{ gridTemplateColumns: template }}>
        {headers.map((header) => {
          const sorted = header.column.getIsSorted();
          return (
            <div key={header.id} role="columnheader" aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}>
              {header.column.getCanSort() ? (
                <button type="button" className="vtable-sort" onClick={header.column.getToggleSortingHandler()}>
                  {flexRender(header.column.columnDef.header, header.getContext())}
                  <span aria-hidden="true">{sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}</span>
                </button>
              ) : (
                flexRender(header.column.columnDef.header, header.getContext())
              )}
            </div>
          );
        })}
      </div>
      {props.filterRow && (
        <div className="vtable-filters" style={{ gridTemplateColumns: template }}>
          {headers.map((header) => (
            <div key={header.id}>{props.filterRow![header.column.id] ?? null}</div>
          ))}
        </div>
      )}
      <div className="vtable-body" ref={scrollRef} tabIndex={0} onKeyDown={onKeyDown} data-testid={`${props.label}-body`}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = rows[item.index]!;
            const isActive = item.index === active;
            const wide = props.fullWidthRow?.(row.original) ?? null;
            const className = `vtable-row${isActive ? ' active' : ''}${props.rowClassName ? ` ${props.rowClassName(row.original)}` : ''}`;
            return (
              <div
                key={row.id}
                role="row"
                aria-rowindex={item.index + 1}
                aria-selected={props.isRowSelected ? props.isRowSelected(row.original) : isActive}
                data-active={isActive ? 'true' : undefined}
                data-testid={props.rowTestId}
                className={className}
                style={{ gridTemplateColumns: wide ? '1fr' : template, height: rowHeight, transform: `translateY(${item.start}px)` }}
                onClick={() => setActive(item.index)}
                onDoubleClick={() => props.onRowOpen?.(row.original)}
              >
                {wide !== null ? (
                  <div role="gridcell" aria-colspan={headers.length}>
                    {wide}
                  </div>
                ) : (
                  row.getVisibleCells().map((cell) => (
                    <div key={cell.id} role="gridcell">
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </div>
                  ))
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
