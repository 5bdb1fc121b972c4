import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { LineCounter, isNode, parseDocument, visit, type Document } from 'yaml';
import { InputError } from '../core/input-error.ts';
import { expandPipeline, type StageRegistry } from './expand-pipeline.ts';
import type { PipelinePlan } from './pipeline-plan.ts';
import type { PathSegment, SpecLocation } from './spec-location.ts';

const formats: Record<string, string> = { '.yaml': 'YAML', '.yml': 'YAML', '.json': 'JSON' };

/** Whether a command-line argument names a pipeline file rather than a built-in pipeline. */
export function isPipelineFile(argument: string): boolean {
  return Object.hasOwn(formats, extname(argument).toLowerCase());
}

/**
 * Reads a YAML or JSON pipeline file (JSON is parsed as the YAML it also is, so both report
 * lines) and expands it against the registry. Errors name `file:line: field`.
 */
export async function loadPipelineFile(
  file: string,
  registry: StageRegistry,
): Promise<PipelinePlan> {
  const format = formats[extname(file).toLowerCase()];
  if (!format) throw new InputError({ file, expected: 'a .yaml, .yml or .json pipeline file' });

  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new InputError({ file, expected: 'a readable pipeline file', received: error.code });
  });
  return parsePipelineText(text, file, format, registry);
}

/** The same as loadPipelineFile for text already in memory. */
export function parsePipelineText(
  text: string,
  file: string,
  format: string,
  registry: StageRegistry,
): PipelinePlan {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });

  const [syntaxError] = document.errors;
  if (syntaxError) {
    const line = lineCounter.linePos(syntaxError.pos[0]).line;
    const reason = syntaxError.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    throw new InputError({ file, line, expected: `valid ${format}`, received: reason });
  }

  const location: SpecLocation = { file, lineOf: (path) => lineOf(document, lineCounter, path) };
  return expandPipeline(plainData(document, lineCounter, file), registry, location);
}

const maxAliasCount = 100;

/** The document as plain data; aliases that expand without bound (a YAML bomb) are refused. */
function plainData(document: Document, lineCounter: LineCounter, file: string): unknown {
  try {
    return document.toJS({ maxAliasCount });
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    throw new InputError({
      file,
      line: firstAliasLine(document, lineCounter),
      expected: `YAML aliases (*name) that expand to at most ${maxAliasCount} copies`,
      received: error.message,
    });
  }
}

function firstAliasLine(document: Document, lineCounter: LineCounter): number | undefined {
  let line: number | undefined;
  visit(document, {
    Alias(_, node) {
      if (node.range) line = lineCounter.linePos(node.range[0]).line;
      return visit.BREAK;
    },
  });
  return line;
}

/** The line of the value at `path`, or of the closest enclosing value that exists. */
function lineOf(document: Document, lineCounter: LineCounter, path: PathSegment[]) {
  for (let depth = path.length; depth >= 0; depth -= 1) {
    const node = depth === 0 ? document.contents : document.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
  }
  return undefined;
}
