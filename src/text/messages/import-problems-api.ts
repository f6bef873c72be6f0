/**
 * The problems whose remedy names a setting of the import, worded for a program calling the API
 * (`importProblem.api.<code>`): the request's parameters (`map`, `ignoreColumns`, `dateOrder` of
 * `POST /api/imports/{entity}`, `journals` of `POST /api/imports/fec`) where the command line's
 * messages name its flags (`--map`…) and the web page's its own controls (`imports.problem.<code>`).
 * Merged into `import-problems.ts`; `src/text/import-problems.ts` picks the variant of the reader's
 * channel.
 */
export const importProblemsApi = {
  fr: {
    'importProblem.api.map_unknown_column':
      'le paramètre map désigne la colonne « {column} », absente du fichier (colonnes : {columns})',
    'importProblem.api.map_unknown_field':
      'paramètre map : champ « {field} » inconnu pour {entity} ; champs possibles : {fields}',
    'importProblem.api.map_field_twice':
      'le paramètre map attribue deux colonnes au champ « {field} » ; n’en désignez qu’une',
    'importProblem.api.ambiguous_columns':
      'les colonnes « {other} » et « {column} » désignent toutes deux le champ « {field} » ; choisissez avec le paramètre map={column}={field} (ou map={column}=ignore)',
    'importProblem.api.missing_required_column':
      'colonne obligatoire « {label} » absente ; en-têtes acceptés : {headers}, ou nommez votre colonne avec le paramètre map=<colonne>={field}',
    'importProblem.api.unknown_column':
      'colonne « {column} » inconnue (en-tête reconnu le plus proche : « {suggestion} ») ; renommez-la, associez-la avec le paramètre map={column}=<champ> ou ignorez-la avec le paramètre ignoreColumns={column}',
    'importProblem.api.unknown_column_no_match':
      'colonne « {column} » inconnue ; renommez-la, associez-la avec le paramètre map={column}=<champ> ou ignorez-la avec le paramètre ignoreColumns={column}',
    'importProblem.api.mixed_date_orders':
      'la colonne « {column} » mêle des dates jour en premier ({dayFirstCount}, dont ligne {dayFirstLine} : {dayFirstValue}) et mois en premier ({monthFirstCount}, dont ligne {monthFirstLine} : {monthFirstValue}) ; écrivez-les toutes dans le même ordre ou en AAAA-MM-JJ, ou indiquez l’ordre avec le paramètre dateOrder=dmy|mdy',
    'importProblem.api.fec_kind_conflict':
      'cette ligne a déjà été importée comme {kind} : utilisez le paramètre journals=<code journal>=<type> pour garder le type du journal',
  },
  en: {
    'importProblem.api.map_unknown_column':
      'the map parameter names column “{column}”, which is not in the file (columns: {columns})',
    'importProblem.api.map_unknown_field':
      'map parameter: unknown field “{field}” for {entity}; fields are: {fields}',
    'importProblem.api.map_field_twice':
      'the map parameter gives field “{field}” two columns; map only one of them',
    'importProblem.api.ambiguous_columns':
      'columns “{other}” and “{column}” both mean field “{field}”; choose one with the parameter map={column}={field} (or map={column}=ignore)',
    'importProblem.api.missing_required_column':
      'missing required column “{label}”; accepted headers: {headers}, or name your column with the parameter map=<column>={field}',
    'importProblem.api.unknown_column':
      'unknown column “{column}” (closest known header: “{suggestion}”); rename it, map it with the parameter map={column}=<field> or skip it with the parameter ignoreColumns={column}',
    'importProblem.api.unknown_column_no_match':
      'unknown column “{column}”; rename it, map it with the parameter map={column}=<field> or skip it with the parameter ignoreColumns={column}',
    'importProblem.api.mixed_date_orders':
      'column “{column}” mixes day-first dates ({dayFirstCount}, e.g. line {dayFirstLine}: {dayFirstValue}) and month-first dates ({monthFirstCount}, e.g. line {monthFirstLine}: {monthFirstValue}); write them all in one order or as YYYY-MM-DD, or give the order with the parameter dateOrder=dmy|mdy',
    'importProblem.api.fec_kind_conflict':
      "this line was imported before as a document of kind {kind}: use the parameter journals=<journal code>=<type> to keep the journal's type",
  },
} as const;
