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
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';

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
}

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
      columnFilters: props.columnFilters ?? [],
    },
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
  const [active, setActive] = useState(0);
  const items = virtualizer.getVirtualItems();
  const lastIndex = items[items.length - 1]?.index ?? -1;
  const { onEndReached } = props;
  useEffect(() => {
    if (onEndReached && rows.length > 0 && lastIndex >= rows.length - 20) onEndReached();
  }, [onEndReached, lastIndex, rows.length]);

  const move = (to: number): void => {
    const next = Math.max(0, Math.min(rows.length - 1, to));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
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

  return (
    <div className="vtable" role="grid" aria-label={props.label} aria-rowcount={rows.length}>
      <div className="vtable-header" role="row" style={{ gridTemplateColumns: template }}>
        {table.getHeaderGroups()[0]!.headers.map((header) => {
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
      <div className="vtable-body" ref={scrollRef} tabIndex={0} onKeyDown={onKeyDown} data-testid={`${props.label}-body`}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = rows[item.index]!;
            return (
              <div
                key={row.id}
                role="row"
                aria-rowindex={item.index + 1}
                aria-selected={item.index === active}
                className={`vtable-row${item.index === active ? ' active' : ''}`}
                style={{ gridTemplateColumns: template, height: rowHeight, transform: `translateY(${item.start}px)` }}
                onClick={() => setActive(item.index)}
                onDoubleClick={() => props.onRowOpen?.(row.original)}
              >
                {row.getVisibleCells().map((cell) => (
                  <div key={cell.id} role="gridcell">
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
