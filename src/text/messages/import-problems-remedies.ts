/**
 * Problems whose remedy is neither a flag of the command line nor a parameter of the API:
 * - the web page's words for a FEC whose journal type changed (`imports.problem.<code>`, as the
 *   spreadsheets' in `imports.ts`): the page cannot choose a journal's type, the command line
 *   (`--journal`) and the API (`journals`) can;
 * - the column problems of a file of fixed columns (balance sheets, a partner's status report:
 *   `importProblem.fixedColumns.<code>`, chosen when the problem carries `fixedColumns`), whose
 *   commands, routes and pages take no column mapping: the file's headers are what changes.
 * Merged into `import-problems.ts`; `src/text/import-problems.ts` picks them.
 */
export const importProblemsRemedies = {
  fr: {
    'imports.problem.fec_kind_conflict':
      'cette ligne a déjà été importée comme {kind} : le type d’un journal ne se choisit pas sur cette page ; importez ce fichier en ligne de commande ou par l’API en indiquant le type du journal',
    'importProblem.fixedColumns.unknown_column':
      'colonne « {column} » inconnue (en-tête reconnu le plus proche : « {suggestion} ») ; renommez-la avec un en-tête accepté ou retirez-la du fichier',
    'importProblem.fixedColumns.unknown_column_no_match':
      'colonne « {column} » inconnue ; renommez-la avec un en-tête accepté ou retirez-la du fichier',
    'importProblem.fixedColumns.ambiguous_columns':
      'les colonnes « {other} » et « {column} » désignent toutes deux le champ « {field} » ; retirez l’une d’elles du fichier ou renommez-la',
    'importProblem.fixedColumns.missing_required_column':
      'colonne obligatoire « {label} » absente ; en-têtes acceptés : {headers} (renommez la colonne du fichier qui la contient)',
  },
  en: {
    'imports.problem.fec_kind_conflict':
      "this line was imported before as a document of kind {kind}: a journal's type cannot be chosen on this page; import this file from the command line or through the API, giving the journal's type",
    'importProblem.fixedColumns.unknown_column':
      'unknown column “{column}” (closest known header: “{suggestion}”); rename it to an accepted header or remove it from the file',
    'importProblem.fixedColumns.unknown_column_no_match':
      'unknown column “{column}”; rename it to an accepted header or remove it from the file',
    'importProblem.fixedColumns.ambiguous_columns':
      'columns “{other}” and “{column}” both mean field “{field}”; remove one of them from the file or rename it',
    'importProblem.fixedColumns.missing_required_column':
      'missing required column “{label}”; accepted headers: {headers} (rename the column of the file that holds it)',
  },
} as const;
