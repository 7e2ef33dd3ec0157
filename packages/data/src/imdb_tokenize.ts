// Keras 1's default filters: punctuation except the apostrophe, plus tab and newline; and the space it splits on.
const SEPARATORS = '!"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\t\n ';
const IS_SEPARATOR = new Uint8Array(128);
for (const ch of SEPARATORS) IS_SEPARATOR[ch.charCodeAt(0)] = 1;

function asciiLower(word: string): string {
  return word.replace(/[A-Z]+/g, (s) => s.toLowerCase());
}

/**
 * The tokeniser Keras's IMDB word index was made with (old Keras `text_to_word_sequence` on Python
 * 2 byte strings): every filter character becomes a space, ASCII letters are lowercased (other
 * letters keep their case, as bytes did), and the text is split on spaces, dropping empty words.
 */
export function kerasTextToWordSequence(text: string): string[] {
  const words: string[] = [];
  let start = -1;
  let upper = false;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 32;
    if (c < 128 && IS_SEPARATOR[c] === 1) {
      if (start >= 0) {
        const word = text.slice(start, i);
        words.push(upper ? asciiLower(word) : word);
        start = -1;
        upper = false;
      }
    } else {
      if (start < 0) start = i;
      if (c >= 65 && c <= 90) upper = true;
    }
  }
  return words;
}
