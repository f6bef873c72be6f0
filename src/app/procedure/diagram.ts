/**
 * The process diagram of the configured procedure, and the before/after of a policy change.
 * A version selector is a date (the configuration in force that day) or a version name: every
 * configuration stored under that name (order-check rules, delegation matrix — credit
 * configuration kinds —, or a dunning policy written `code@N` or `N`) replaces the one in force,
 * the others stay as they are in force at the reference date.
 */
import type { DelegationMatrix } from '#core/credit/delegation';
import type { OrderCheckRules } from '#core/credit/order-check';
import type { DunningPolicy } from '#core/dunning/policy';
import { buildProcedureDiagram, type ProcedureConfig, type ProcedureDiagram } from '#core/procedure/diagram';
import { compareDiagrams, type DiagramComparison } from '#core/procedure/diagram-compare';
import { renderBpmn } from '#render/diagram/bpmn';
import { type DiagramLayout, layoutDiagram } from '#render/diagram/layout';
import { svgToPng } from '#render/diagram/png';
import { renderSvg } from '#render/diagram/svg';
import { wordDiagram } from '#render/diagram/words';
import { type Lang, translator } from '#text/catalogue';
import { formatDate } from '#text/format';
import { defaultAsOf } from '../companies/companies.ts';
import type { AppContext } from '../context.ts';
import { configInForce, listConfigVersions } from '../credit/configuration.ts';
import { getPolicies } from '../dunning/policies.ts';
import { DomainError } from '../errors.ts';
import { readTypedDate } from '../typed-date.ts';

export const DIAGRAM_FORMATS = ['bpmn', 'svg', 'png'] as const;
export type DiagramFormat = (typeof DIAGRAM_FORMATS)[number];

export interface DiagramVersions {
  rules: string;
  delegation: string;
  /** `code v2`, or null when no dunning policy is in force. */
  dunning: string | null;
}

/** A version drawn, as the heading words it: its name (none for a built-in one) and its date. */
export interface DrawnVersion {
  name: string | null;
  effectiveFrom: string;
}

export interface ResolvedProcedure {
  selector: string | null;
  versions: DiagramVersions;
  /** The same versions with their dates, for the heading (« règles de commande par défaut du 01/01/2026 »). */
  drawn: { rules: DrawnVersion; delegation: DrawnVersion; dunning: DrawnVersion | null };
  diagram: ProcedureDiagram;
}

export interface ProcedureDiagramView {
  asOf: string;
  current: ResolvedProcedure;
  /** The version compared with (the "before"), when asked. */
  compared: ResolvedProcedure | null;
  comparison: DiagramComparison | null;
}

export interface DiagramInput {
  /** Version or date of the configuration drawn (default: in force at the reference date). */
  policy?: string | undefined;
  /** Version or date to compare with: drawn as the "before". */
  compare?: string | undefined;
  asOf?: string | undefined;
}

/** A built-in version's date that only means « always » (1900-01-01): not worth saying. */
const isAlways = (date: string): boolean => date < '1970-01-01';

function defaultScoped(policies: DunningPolicy[]): DunningPolicy | null {
  return policies.find((p) => p.scope.kind === 'default') ?? policies[0] ?? null;
}

async function inForce(ctx: AppContext, asOf: string) {
  const [rules, delegation, policies] = await Promise.all([
    configInForce(ctx, 'order_rules', asOf),
    configInForce(ctx, 'delegation_matrix', asOf),
    getPolicies(ctx, { asOf }),
  ]);
  return {
    rules: { ...drawn(rules), body: rules.body as OrderCheckRules },
    delegation: { ...drawn(delegation), body: delegation.body as DelegationMatrix },
    dunning: defaultScoped(policies.inForce),
  };
}

/** A credit configuration version's name (none when built in) and date. */
function drawn(version: { version: string; effectiveFrom: string; isDefault: boolean }) {
  return {
    version: version.version,
    drawn: { name: version.isDefault ? null : version.version, effectiveFrom: version.effectiveFrom },
  };
}

/** The configuration a selector names; throws not_found when a name matches nothing. */
async function resolve(
  ctx: AppContext,
  selector: string | undefined,
  asOf: string,
): Promise<ResolvedProcedure> {
  // A date as the person typed it (« 31/12/2025 » as well as 2025-12-31): the configuration that day.
  const date = selector === undefined ? null : readTypedDate(selector);
  const base = await inForce(ctx, date ?? asOf);
  if (selector !== undefined && date === null) {
    const [rules, matrices, policies] = await Promise.all([
      listConfigVersions(ctx, 'order_rules'),
      listConfigVersions(ctx, 'delegation_matrix'),
      getPolicies(ctx, { asOf }),
    ]);
    const rule = rules.find((v) => v.version === selector);
    const matrix = matrices.find((v) => v.version === selector);
    const policy = policies.versions.find(
      (p) =>
        `${p.code}@${p.version}` === selector ||
        (String(p.version) === selector && p.code === base.dunning?.code),
    );
    if (!rule && !matrix && !policy)
      throw new DomainError('not_found', { key: 'errors.procedure.noVersion', params: { selector } });
    if (rule) base.rules = { ...drawn(rule), body: rule.body as OrderCheckRules };
    if (matrix) base.delegation = { ...drawn(matrix), body: matrix.body as DelegationMatrix };
    if (policy) base.dunning = policy;
  }
  const config: ProcedureConfig = {
    orderRules: base.rules.body,
    builtInRules: base.rules.drawn.name === null,
    delegation: base.delegation.body,
    dunning: base.dunning,
  };
  const versions = {
    rules: base.rules.version,
    delegation: base.delegation.version,
    dunning: base.dunning ? `${base.dunning.code} v${base.dunning.version}` : null,
  };
  const dunning = base.dunning
    ? {
        // The built-in policy (in force since 1900) is « par défaut », like a built-in credit version.
        name: isAlways(base.dunning.effectiveFrom) ? null : `${base.dunning.code} v${base.dunning.version}`,
        effectiveFrom: base.dunning.effectiveFrom,
      }
    : null;
  return {
    selector: selector ?? null,
    versions,
    drawn: { rules: base.rules.drawn, delegation: base.delegation.drawn, dunning },
    diagram: buildProcedureDiagram(config),
  };
}

export async function getProcedureDiagram(
  ctx: AppContext,
  input: DiagramInput,
): Promise<ProcedureDiagramView> {
  const asOf = input.asOf ?? (await defaultAsOf(ctx));
  const current = await resolve(ctx, input.policy, asOf);
  const compared = input.compare === undefined ? null : await resolve(ctx, input.compare, asOf);
  const comparison = compared ? compareDiagrams(compared.diagram, current.diagram) : null;
  return { asOf, current, compared, comparison };
}

/** « Règles de commande par défaut du 01/01/2026 · délégations « strict » du 01/07/2026 · relance … ». */
function versionText(lang: Lang, versions: ResolvedProcedure['drawn']): string {
  const t = translator(lang);
  const words = (version: DrawnVersion) =>
    t('procedureDiagram.version', {
      builtIn: version.name === null ? 'yes' : 'no',
      name: version.name ?? '',
      date: isAlways(version.effectiveFrom) ? 'none' : formatDate(lang, version.effectiveFrom),
    });
  return t('procedureDiagram.subtitle', {
    rules: words(versions.rules),
    delegation: words(versions.delegation),
    dunning: versions.dunning ? words(versions.dunning) : t('procedureDiagram.noDunning'),
  });
}

type Changes = DiagramComparison['after'];

export interface DiagramSvgs {
  current: { heading: string; svg: string };
  compared: { heading: string; svg: string } | null;
  changedCount: number | null;
}

async function layouts(
  lang: Lang,
  view: ProcedureDiagramView,
): Promise<[DiagramLayout, DiagramLayout | null]> {
  const current = await layoutDiagram(wordDiagram(lang, view.current.diagram));
  const compared = view.compared ? await layoutDiagram(wordDiagram(lang, view.compared.diagram)) : null;
  return [current, compared];
}

/** Each diagram as its own SVG (the web shows them side by side), changes coloured. */
export async function procedureDiagramSvgs(
  ctx: AppContext,
  input: DiagramInput & { lang: Lang },
): Promise<DiagramSvgs> {
  const view = await getProcedureDiagram(ctx, input);
  const t = translator(input.lang);
  const [current, compared] = await layouts(input.lang, view);
  const svgOf = (heading: string, layout: DiagramLayout, changes: Changes, other?: DiagramLayout) =>
    renderSvg(t('procedureDiagram.title'), [{ heading, layout, changes, ...(other ? { other } : {}) }]);
  if (!view.compared || !compared) {
    const heading = versionText(input.lang, view.current.drawn);
    return { current: { heading, svg: svgOf(heading, current, {}) }, compared: null, changedCount: null };
  }
  const after = t('procedureDiagram.after', { version: versionText(input.lang, view.current.drawn) });
  const before = t('procedureDiagram.before', { version: versionText(input.lang, view.compared.drawn) });
  return {
    current: { heading: after, svg: svgOf(after, current, view.comparison?.after ?? {}, compared) },
    compared: { heading: before, svg: svgOf(before, compared, view.comparison?.before ?? {}, current) },
    changedCount: view.comparison?.changedCount ?? 0,
  };
}

export interface DiagramFile {
  format: DiagramFormat;
  contentType: string;
  body: Uint8Array;
  changedCount: number | null;
}

const CONTENT_TYPES: Record<DiagramFormat, string> = {
  bpmn: 'application/xml; charset=utf-8',
  svg: 'image/svg+xml; charset=utf-8',
  png: 'image/png',
};

/** The diagram as a BPMN, SVG or PNG file; a comparison (SVG, PNG) draws "before" above "after". */
export async function exportProcedureDiagram(
  ctx: AppContext,
  input: DiagramInput & { lang: Lang; format: DiagramFormat },
): Promise<DiagramFile> {
  if (!(DIAGRAM_FORMATS as readonly string[]).includes(input.format))
    throw new DomainError('invalid_input', {
      key: 'errors.procedure.format',
      params: { value: String(input.format), formats: DIAGRAM_FORMATS.join(', ') },
    });
  if (input.format === 'bpmn' && input.compare !== undefined)
    throw new DomainError('invalid_input', { key: 'errors.procedure.compareBpmn' });
  const view = await getProcedureDiagram(ctx, input);
  const t = translator(input.lang);
  const [current, compared] = await layouts(input.lang, view);
  const changedCount = view.comparison?.changedCount ?? null;
  if (input.format === 'bpmn') {
    const body = new TextEncoder().encode(await renderBpmn(current));
    return { format: input.format, contentType: CONTENT_TYPES.bpmn, body, changedCount };
  }
  const afterHeading = versionText(input.lang, view.current.drawn);
  const parts =
    view.compared && compared
      ? [
          {
            heading: t('procedureDiagram.before', {
              version: versionText(input.lang, view.compared.drawn),
            }),
            layout: compared,
            changes: view.comparison?.before ?? {},
            other: current,
          },
          {
            heading: t('procedureDiagram.after', { version: afterHeading }),
            layout: current,
            changes: view.comparison?.after ?? {},
            other: compared,
          },
        ]
      : [{ heading: afterHeading, layout: current }];
  const legend = view.compared
    ? {
        added: t('procedureDiagram.legend.added'),
        changed: t('procedureDiagram.legend.changed'),
        removed: t('procedureDiagram.legend.removed'),
      }
    : null;
  const svg = renderSvg(t('procedureDiagram.title'), parts, legend);
  const body = input.format === 'svg' ? new TextEncoder().encode(svg) : await svgToPng(svg);
  return { format: input.format, contentType: CONTENT_TYPES[input.format], body, changedCount };
}
