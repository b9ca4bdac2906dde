import { forwardRef, useEffect, useState, type InputHTMLAttributes } from 'react';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> & { value: string; onCommit(value: string): void; delay?: number };

/** A text field that reports its value once typing pauses, so a 100,000-row query is not sent per keystroke. */
export const DebouncedInput = forwardRef<HTMLInputElement, Props>(function DebouncedInput({ value, onCommit, delay = 250, ...rest }, ref) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  useEffect(() => {
    if (text === value) return;
    const timer = setTimeout(() => onCommit(text), delay);
    return () => clearTimeout(timer);
  }, [text, value, delay, onCommit]);
  return <input ref={ref} {...rest} value={text} onChange={(e) => setText(e.target.value)} />;
});
