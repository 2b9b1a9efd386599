import { Input } from 'antd';

type SearchBoxProps = {
  /** The list's current search text (from its filters). */
  value: string | undefined;
  /** Trimmed text, or undefined for a blank search (which clears the filter). */
  onSearch: (q: string | undefined) => void;
  placeholder: string;
  /** Names the box for screen readers, e.g. 「搜索投诉」. */
  label: string;
  maxLength: number;
  maxWidth?: number;
};

/** A list's quick search. Shows the filter it stands for, and empties when the filters are cleared elsewhere. */
export function SearchBox({ value, onSearch, placeholder, label, maxLength, maxWidth = 320 }: SearchBoxProps) {
  return (
    <Input.Search
      key={`q:${value ?? ''}`}
      allowClear
      defaultValue={value}
      placeholder={placeholder}
      aria-label={label}
      style={{ maxWidth }}
      maxLength={maxLength}
      enterButton="搜索"
      onSearch={(text) => onSearch(text.trim() || undefined)}
    />
  );
}
