/** Where a command writes: results to `out` (stdout), progress and warnings to `err` (stderr). */
export interface Output {
  out(s: string): void;
  err(s: string): void;
  /** stderr is a terminal: progress bars and colour are welcome there */
  tty: boolean;
}

const line = (s: string) => (s.endsWith('\n') ? s : `${s}\n`);

export const processOutput: Output = {
  out: (s) => process.stdout.write(line(s)),
  err: (s) => process.stderr.write(line(s)),
  tty: Boolean(process.stderr.isTTY),
};
