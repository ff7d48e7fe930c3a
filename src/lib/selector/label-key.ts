// lib: the character set and length limit of Calico label keys (selector identifiers), shared by the
// selector tokenizer and by anything validating label maps (libcalico-go selector/tokenizer).

/** Calico rejects identifiers longer than this (tokenizer.MaxLabelLength). */
export const MAX_LABEL_KEY_LENGTH = 512;

/** True for the characters of a Calico identifier: [A-Za-z0-9_./-]. */
export function isLabelKeyChar(code: number): boolean {
  return (
    (code >= 97 && code <= 122) || // a-z
    (code >= 65 && code <= 90) || // A-Z
    (code >= 48 && code <= 57) || // 0-9
    code === 95 || // _
    code === 46 || // .
    code === 47 || // /
    code === 45 // -
  );
}

/** True when `key` can be written as a label name in a Calico selector (tokenizer.ValidLabel). */
export function isValidLabelKey(key: string): boolean {
  if (key.length === 0 || key.length > MAX_LABEL_KEY_LENGTH) return false;
  for (let i = 0; i < key.length; i++) if (!isLabelKeyChar(key.charCodeAt(i))) return false;
  return true;
}
