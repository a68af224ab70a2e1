import readline from 'node:readline';

/**
 * A password from standard input, so that it never stands in the shell's history or the process list: typed at a
 * hidden prompt on a terminal, else the first line of what is piped in (`printf '%s\n' "$P" | npm run worker …`).
 */
export async function readPassword(prompt: string): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) {
    const lines = readline.createInterface({ input });
    for await (const line of lines) {
      lines.close();
      return line;
    }
    return '';
  }
  process.stderr.write(prompt);
  input.setRawMode(true);
  input.setEncoding('utf8');
  input.resume();
  try {
    return await new Promise<string>((resolve, reject) => {
      let typed = '';
      input.on('data', (chunk: string) => {
        for (const char of chunk) {
          if (char === '\r' || char === '\n') return resolve(typed);
          if (char === '\u0003') return reject(new Error('已取消'));
          if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
          else typed += char;
        }
      });
    });
  } finally {
    input.setRawMode(false);
    input.pause();
    input.removeAllListeners('data');
    process.stderr.write('\n');
  }
}
