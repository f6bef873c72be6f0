/**
 * Word lists for realistic (fictional) customer names and addresses. Brands are invented on purpose:
 * the demo must never look like it describes a real company's payment record.
 * Lists are written as comma-separated text blocks so they stay compact whatever the formatter does.
 */

/** « de » before a noun, elided before a vowel: « colis d’éclairage », « fourniture de quincaillerie ». */
export function deNoun(noun: string): string {
  return /^[aeiouyàâéèêëîïôöûü]/i.test(noun) ? `d’${noun}` : `de ${noun}`;
}

function list(text: string): readonly string[] {
  return text
    .split(/[,\n]/)
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

export const SURNAMES = list(`
  Martin, Bernard, Dubois, Thomas, Robert, Richard, Petit, Durand, Leroy, Moreau, Simon, Laurent,
  Lefebvre, Michel, Garcia, David, Bertrand, Roux, Vincent, Fournier, Morel, Girard, André, Mercier,
  Dupont, Lambert, Bonnet, François, Martinez, Legrand, Garnier, Faure, Rousseau, Blanc, Guérin, Muller,
  Henry, Roussel, Nicolas, Perrin, Morin, Mathieu, Clément, Gauthier, Dumont, Lopez, Fontaine, Chevalier,
  Robin, Masson, Sanchez, Gérard, Nguyen, Boyer, Denis, Lemaire, Duval, Joly, Gautier, Roger, Roche, Roy,
  Noël, Meyer, Lucas, Meunier, Perez, Marchand, Dufour, Blanchard, Barbier, Brun, Dumas, Brunet, Schmitt,
  Leroux, Colin, Fernandez, Pierre, Benoît, Carpentier, Vidal, Caron, Picard, Arnaud, Renaud, Aubert
`);

export const FIRST_NAMES = list(`
  Marie, Jean, Nathalie, Philippe, Isabelle, Michel, Sylvie, Alain, Catherine, Patrick, Christine, Nicolas,
  Sandrine, Christophe, Valérie, Stéphane, Céline, Laurent, Sophie, Frédéric, Aurélie, David, Émilie,
  Julien, Camille, Sébastien, Claire, Olivier, Léa, Mehdi, Fatima, Yannick, Hélène, Antoine, Virginie,
  Thierry, Amandine, Éric, Laura, Rachid, Chloé, Bruno, Manon, Pascal, Inès
`);

export interface FrenchCity {
  city: string;
  postalCode: string;
  /** Landline prefix of the region, for plausible phone numbers. */
  phonePrefix: string;
}

function cities(text: string): readonly FrenchCity[] {
  return list(text).map((entry) => {
    const [city = '', postalCode = '', phonePrefix = ''] = entry.split('|');
    return { city, postalCode, phonePrefix };
  });
}

/** CB2C is based near Lyon: its customers are mostly in Auvergne-Rhône-Alpes, with national accounts. */
export const FRENCH_CITIES = cities(`
  Lyon|69003|04, Villeurbanne|69100|04, Vénissieux|69200|04, Saint-Étienne|42000|04, Grenoble|38000|04,
  Villefranche-sur-Saône|69400|04, Bourg-en-Bresse|01000|04, Annecy|74000|04, Chambéry|73000|04,
  Valence|26000|04, Clermont-Ferrand|63000|04, Mâcon|71000|03, Dijon|21000|03, Besançon|25000|03,
  Marseille|13008|04, Aix-en-Provence|13100|04, Montpellier|34000|04, Nîmes|30000|04, Avignon|84000|04,
  Nice|06000|04, Toulon|83000|04, Toulouse|31000|05, Bordeaux|33000|05, Pau|64000|05, Limoges|87000|05,
  Poitiers|86000|05, La Rochelle|17000|05, Nantes|44000|02, Rennes|35000|02, Angers|49000|02,
  Le Mans|72000|02, Tours|37000|02, Orléans|45000|02, Caen|14000|02, Rouen|76000|02, Brest|29200|02,
  Lille|59000|03, Roubaix|59100|03, Amiens|80000|03, Reims|51100|03, Metz|57000|03, Nancy|54000|03,
  Strasbourg|67000|03, Mulhouse|68100|03, Paris|75011|01, Montreuil|93100|01, Nanterre|92000|01,
  Créteil|94000|01, Versailles|78000|01, Évry-Courcouronnes|91000|01, Cergy|95000|01, Roanne|42300|04,
  Vienne|38200|04, Montélimar|26200|04, Oyonnax|01100|04
`);

/** Smaller towns, for town halls, schools and village shops. */
export const SMALL_TOWNS = cities(`
  Tarare|69170|04, Givors|69700|04, Meyzieu|69330|04, Rillieux-la-Pape|69140|04, Oullins|69600|04,
  Bron|69500|04, Décines-Charpieu|69150|04, Saint-Priest|69800|04, Belleville-en-Beaujolais|69220|04,
  Ambérieu-en-Bugey|01500|04, Bourgoin-Jallieu|38300|04, Voiron|38500|04, Annonay|07100|04,
  Privas|07000|04, Montbrison|42600|04, Feurs|42110|04, Thonon-les-Bains|74200|04, Aix-les-Bains|73100|04,
  Vichy|03200|04, Le Puy-en-Velay|43000|04, Chalon-sur-Saône|71100|03, Beaune|21200|03,
  Lons-le-Saunier|39000|03, Villeneuve-sur-Lot|47300|05, Villeneuve-lès-Avignon|30400|04,
  Charbonnières-les-Bains|69260|04, Neuville-sur-Saône|69250|04, Crest|26400|04, Die|26150|04,
  Saint-Chamond|42400|04, Rive-de-Gier|42800|04, Trévoux|01600|04, Morestel|38510|04
`);

export const STREETS = list(`
  rue de la République, avenue Jean Jaurès, rue Victor Hugo, boulevard Gambetta, rue Pasteur,
  rue du Commerce, avenue de la Gare, rue des Lilas, chemin des Vignes, rue de l’Industrie,
  zone artisanale des Platanes, rue Émile Zola, avenue Charles de Gaulle, rue du Moulin, ZI de la Plaine,
  rue Ampère, allée des Érables, rue Louis Blériot, avenue du Général Leclerc, parc d’activités du Chêne,
  place de l’Hôtel de Ville, rue Nationale, quai Saint-Vincent
`);

export const RETAIL_TRADES = list(`
  Quincaillerie, Droguerie, Bazar, Papeterie, Bricolage, Électroménager, Luminaires, Outillage,
  Articles ménagers, Jardinerie, Librairie-Papeterie, Maison & Déco, Cash Bureau
`);

export const WHOLESALE_PATTERNS = list(`
  Comptoir {surname}, Établissements {surname}, {surname} Distribution, Grossiste {surname} & Fils,
  Centrale {region}, Sodipro {region}, {surname} Négoce, {region} Fournitures, Appro {region}
`);

export const SME_PATTERNS = list(`
  SARL {surname} Frères, SAS {surname} Industrie, Ateliers {surname}, Menuiserie {surname},
  Imprimerie {surname}, Garage {surname}, Transports {surname}, {surname} Bâtiment, Électricité {surname},
  Plomberie {surname} et Fils, Boulangerie {surname}, Hôtel du {landmark}, Restaurant Le {landmark},
  Cabinet {surname}, Clinique vétérinaire du {landmark}, {surname} Nettoyage, SCOP du {landmark},
  Traiteur {surname}
`);

export const LANDMARKS = list(
  'Parc, Lac, Vieux Pont, Marché, Château, Moulin, Beffroi, Port, Plateau, Coteau',
);

export const REGIONS = list(`
  Rhône, Alpes, Dauphiné, Savoie, Beaujolais, Forez, Bresse, Lyonnais, Auvergne, Provence, Bourgogne,
  Drôme, Ardèche, Jura
`);

export const PUBLIC_BODY_PATTERNS = list(`
  Mairie de {town}, Communauté de communes de {town}, Collège Jean Moulin de {town},
  Lycée professionnel de {town}, Centre hospitalier de {town}, CCAS de {town}, Syndicat des eaux de {town},
  Office de tourisme de {town}, EHPAD public de {town}
`);

/** Fictional retail chains: head office name, store name prefix. */
export const RETAIL_CHAINS: readonly (readonly [string, string])[] = [
  ['Groupe Hyperdis', 'Hyperdis'],
  ['Brico Centre SA', 'Brico Centre'],
];

export const STANDALONE_LARGE_RETAIL = list(`
  Hyper Saône, Mégastore Confluence, Centrale Achats Grand Est, Cash & Pro Rhône, Maxi Bazar Distribution,
  Hypermarché des Alpes, Promo Discount SAS, Casa Price
`);

export interface ForeignLocation {
  country: string;
  city: string;
  postalCode: string;
  domain: string;
  companySuffix: string;
}

export const FOREIGN_LOCATIONS: readonly ForeignLocation[] = list(`
  BE|Bruxelles|1000|be|SPRL, BE|Liège|4000|be|SA, DE|Stuttgart|70173|de|GmbH,
  DE|Freiburg im Breisgau|79098|de|GmbH, ES|Barcelona|08001|es|S.L., ES|Valencia|46001|es|S.A.,
  IT|Torino|10121|it|S.r.l., IT|Milano|20121|it|S.p.A., CH|Genève|1201|ch|SA, CH|Lausanne|1003|ch|Sàrl,
  GB|Manchester|M1 1AE|co.uk|Ltd, GB|Bristol|BS1 4DJ|co.uk|Ltd
`).map((entry) => {
  const [country = '', city = '', postalCode = '', domain = '', companySuffix = ''] = entry.split('|');
  return { country, city, postalCode, domain, companySuffix };
});

export const FOREIGN_STEMS = list(`
  Euro Supplies, Iberia Hogar, Alpen Handel, Benelux Trading, Helvetic Bureau, Casa Utile, Brit Office,
  Rhein Werkzeug, Mediterranea Casa, Flanders Tools, Nordic Home, Lago Forniture, Leman Distribution,
  Catalunya Ferretería, Thames Hardware
`);

/** Product families of CB2C's catalogue, used in invoice and order labels. */
export const PRODUCT_FAMILIES = list(`
  petit outillage, consommables d’atelier, fournitures de bureau, produits d’entretien,
  petit électroménager, quincaillerie, emballages, équipements de protection, éclairage,
  piles et accessoires
`);

/** CB2C's sales team. The first two also get a demo login. */
export const SALESPEOPLE = [
  'Sophie Bernard',
  'Karim Haddad',
  'Julie Lefèvre',
  'Thomas Girard',
  'Nadia Benali',
];
