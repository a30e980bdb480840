// Types for sastrawijs 1.1.0: its package.json "exports" map has no "types" condition, so
// NodeNext resolution does not find the declarations it ships.
declare module 'sastrawijs' {
  export class Stemmer {
    constructor(dictionary?: string[])
    stem(word: string): string
    find(word: string): boolean
  }
  export class Tokenizer {
    tokenize(sentence: string): string[]
  }
}
