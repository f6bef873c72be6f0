/**
 * The payment-date model's version as a person reads it: the API names the model by its code
 * ('delay-shrinkage-10', kept with every stored prediction so that they can be told apart); the
 * forecast page says « version 10 » and the audit log « Version du modèle : 10 ». A code of another form stays as it is.
 */
export function modelVersionNumber(code: string): string {
  return /-(\d+)$/.exec(code)?.[1] ?? code;
}
