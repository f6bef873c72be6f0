/**
 * The payment-date model's version as a person reads it. The API names the model by its code
 * ('delay-shrinkage-8', printed with every stored prediction so that they can be told apart); a
 * page says « version 8 » and keeps the code for whoever needs it (a tooltip, the JSON).
 */
export function modelVersionNumber(code: string): string {
  return /-(\d+)$/.exec(code)?.[1] ?? code;
}
