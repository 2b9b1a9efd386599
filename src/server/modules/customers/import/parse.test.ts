import { describe, expect, it } from 'vitest';
import { parseCsv } from './parse.ts';

describe('CSV parsing', () => {
  it('follows RFC 4180: quotes, doubled quotes, delimiters and line breaks inside quotes, CRLF/LF/CR', () => {
    expect(parseCsv('a,"b,1","say ""hi"""\r\n"x\ny",,z\rlast')).toEqual([['a', 'b,1', 'say "hi"'], ['x\ny', '', 'z'], ['last']]);
    expect(parseCsv('姓名\t手机\n张三\t13800000001\n')).toEqual([['姓名', '手机'], ['张三', '13800000001']]);
  });
});
