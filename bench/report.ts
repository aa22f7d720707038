// One table per scenario: each tool's median, its throughput, its ratio to the reference
// tool, and whether the target holds.

export interface Row {
  tool: string;
  median: number;
  unit: 's' | 'MiB';
  throughput?: string;
  ratio?: number;
  target?: string;
  met?: boolean;
  note?: string;
}

export function printTable(title: string, rows: Row[]): string {
  const lines = [`\n## ${title}\n`, '| tool | median | throughput | ratio | target | met |', '| --- | ---: | ---: | ---: | --- | --- |'];
  for (const row of rows) {
    const median = Number.isFinite(row.median) ? `${row.median.toFixed(row.unit === 's' ? 2 : 1)} ${row.unit}` : 'failed';
    lines.push(
      `| ${row.tool} | ${median} | ${row.throughput ?? ''} | ${row.ratio !== undefined && Number.isFinite(row.ratio) ? row.ratio.toFixed(2) : ''} | ${row.target ?? ''} | ${row.met === undefined ? '' : row.met ? 'yes' : 'no'} |${row.note ? ` ${row.note}` : ''}`,
    );
  }
  const text = lines.join('\n');
  console.log(text);
  return text;
}
