/** The process diagram of the configured procedure (/api/procedure/diagram…). */
import { type Static, Type } from 'typebox';

const Version = Type.Optional(
  Type.String({
    maxLength: 100,
    description:
      'a version name (order rules, delegation matrix, dunning policy code@N) or a date YYYY-MM-DD',
  }),
);

export const DiagramQuerySchema = Type.Object({
  policy: Version,
  compare: Version,
  asOf: Type.Optional(Type.String({ format: 'date' })),
  lang: Type.Optional(Type.Union([Type.Literal('fr'), Type.Literal('en')])),
});
export type DiagramQuery = Static<typeof DiagramQuerySchema>;

export const DiagramFileQuerySchema = Type.Intersect([
  DiagramQuerySchema,
  Type.Object({ format: Type.Union([Type.Literal('bpmn'), Type.Literal('svg'), Type.Literal('png')]) }),
]);

const DrawnDiagram = Type.Object({
  heading: Type.String({ description: 'the versions drawn, worded' }),
  svg: Type.String({ description: 'the diagram as SVG, changed elements coloured' }),
});

export const DiagramViewSchema = Type.Object({
  current: DrawnDiagram,
  compared: Type.Union([DrawnDiagram, Type.Null()], { description: 'the "before" of a comparison' }),
  changedCount: Type.Union([Type.Integer(), Type.Null()]),
});
export type DiagramView = Static<typeof DiagramViewSchema>;
