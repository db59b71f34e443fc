import { describe, expect, it } from 'vitest';
import { editYaml } from '../../src/authoring/yaml-editor.js';

describe('editing YAML text in place', () => {
  it('replaces a value and keeps its comment and quoting elsewhere', () => {
    const editor = editYaml(
      'a: \'x\' # keep\nwhen: 2026-01-01   # rotated by hand\nz: "y"\n',
    );
    editor.set(['when'], '2026-12-01');
    expect(editor.text()).toBe(
      'a: \'x\' # keep\nwhen: 2026-12-01   # rotated by hand\nz: "y"\n',
    );
  });

  it('adds a missing key after the named one, at its indentation', () => {
    const editor = editYaml(
      'list:\n  - id: k\n    created: 2026-01-01 # made\n    # note\n    rotation: {intervalDays: 90}\n',
    );
    editor.set(['list', 0, 'lastRotated'], '2026-12-01', ['created']);
    expect(editor.text()).toBe(
      'list:\n  - id: k\n    created: 2026-01-01 # made\n    lastRotated: 2026-12-01\n    # note\n    rotation: {intervalDays: 90}\n',
    );
  });

  it('adds a missing block after the named key, and refuses one that exists', () => {
    const editor = editYaml(
      'review:\n  intervalDays: 90 # quarterly\n# audit comes next\nhistory: []\n',
    );
    editor.add(['approval'], { ticket: 'T-1', approvedBy: ['a', 'b'] }, [
      'review',
    ]);
    expect(editor.text()).toBe(
      'review:\n  intervalDays: 90 # quarterly\napproval:\n  ticket: T-1\n  approvedBy:\n    - a\n    - b\n# audit comes next\nhistory: []\n',
    );
    expect(() => editor.add(['review'], { intervalDays: '30' })).toThrow(
      'review is already in the file',
    );
  });

  it('appends to a block list after its last entry and before a closing comment', () => {
    const editor = editYaml(
      'history:\n- action: created\n  by: a\n# end of history\n',
    );
    editor.append(['history'], { action: 'reviewed', note: 'ok: all #1' });
    expect(editor.text()).toBe(
      "history:\n- action: created\n  by: a\n- action: reviewed\n  note: 'ok: all #1'\n# end of history\n",
    );
  });

  it('turns an empty flow list into a block list', () => {
    const editor = editYaml('id: x\nhistory: [] # none yet\nreview: {}\n');
    editor.append(['history'], { action: 'rotated' });
    expect(editor.text()).toBe(
      'id: x\nhistory:\n  - action: rotated # none yet\nreview: {}\n',
    );
  });

  it('creates the list at the end of a file without a final newline', () => {
    const editor = editYaml('# top\nid: x');
    editor.append(['history'], { action: 'rotated', date: '2026-12-01' });
    expect(editor.text()).toBe(
      '# top\nid: x\nhistory:\n  - action: rotated\n    date: 2026-12-01\n',
    );
  });

  it('keeps CRLF line endings in the lines it adds', () => {
    const editor = editYaml('id: x\r\nreview:\r\n  intervalDays: 90\r\n');
    editor.set(['review', 'lastReviewed'], '2026-12-01');
    expect(editor.text()).toBe(
      'id: x\r\nreview:\r\n  intervalDays: 90\r\n  lastReviewed: 2026-12-01\r\n',
    );
  });

  it('refuses what it cannot edit without rewriting the line', () => {
    expect(() =>
      editYaml('review: {intervalDays: 90}\n').set(
        ['review', 'lastReviewed'],
        '2026-12-01',
      ),
    ).toThrow(
      'cannot add lastReviewed: the mapping around it is written on one line ({ ... }); write it as one key per line',
    );
    expect(() =>
      editYaml('history: [{action: created}]\n').append(['history'], {
        action: 'x',
      }),
    ).toThrow(
      'history is written on one line ([ ... ]); write one entry per line',
    );
    expect(() => editYaml('a: [\n')).toThrow(/^the file is not valid YAML/);
  });
});
