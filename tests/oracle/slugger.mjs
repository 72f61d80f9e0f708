// The slug oracle: github-slugger 2.x run on every line of stdin.
// Lines are raw bytes, decoded as UTF-8 with replacement (TextDecoder), and
// each line gets the plain slug (no duplicate numbering) on its own output
// line. With --document, lines are one document's headings in order and get
// the numbered slugs of one Slugger; a line holding only a NUL byte ends a
// document (the Slugger is reset) and prints nothing.
// Usage: node slugger.mjs PACKAGE_DIR [--document] < headings
import { pathToFileURL } from 'node:url'
import path from 'node:path'
import { readFileSync } from 'node:fs'

const [pkg, mode] = process.argv.slice(2)
const mod = await import(pathToFileURL(path.join(pkg, 'index.js')).href)
const Slugger = mod.default
const slugger = new Slugger()
const oneSlug = mode === '--document' ? (s) => slugger.slug(s) : (s) => mod.slug(s)

const input = readFileSync(0)
const decoder = new TextDecoder('utf-8')
const out = []
let start = 0
for (let i = 0; i <= input.length; i++) {
  if (i < input.length && input[i] !== 0x0a) continue
  if (i === input.length && start === i) break
  const line = input.subarray(start, i)
  if (mode === '--document' && line.length === 1 && line[0] === 0) slugger.reset()
  else out.push(oneSlug(decoder.decode(line)))
  start = i + 1
}
process.stdout.write(out.map((s) => s + '\n').join(''))
