import { describe, expect, it } from 'vitest';
import { splitCommandLine } from './command-line';

describe('splitCommandLine', () => {
  it('splits a program and its arguments as a shell would quote them', () => {
    expect(splitCommandLine("wlopm --off '*'")).toEqual(['wlopm', '--off', '*']);
    expect(splitCommandLine('vcgencmd display_power 0')).toEqual(['vcgencmd', 'display_power', '0']);
    expect(splitCommandLine('"/opt/my tools/screen" off')).toEqual(['/opt/my tools/screen', 'off']);
    expect(splitCommandLine('echo $HOME `id`')).toEqual(['echo', '$HOME', '`id`']);
  });

  it('refuses shell syntax and empty text', () => {
    for (const text of ['a; rm -rf /', 'a && b', 'a | b', 'a > /tmp/x', 'echo $(id)', 'wlopm --off *', 'x # comment', '', '   ', "''"]) {
      expect(splitCommandLine(text), text).toBeNull();
    }
  });
});
