/** French by default, English on demand; the choice is remembered in the browser. */
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { adminEn, adminFr } from './strings/admin.ts';
import { importsEn, importsFr } from './strings/imports.ts';
import { reportsEn, reportsFr } from './strings/reports.ts';

export type Lang = 'fr' | 'en';

const fr = {
  appName: 'Encours',
  signIn: 'Se connecter',
  signInTitle: 'Connexion',
  email: 'Adresse e-mail',
  password: 'Mot de passe',
  wrongCredentials: 'E-mail ou mot de passe incorrect.',
  tooManyAttempts: 'Trop de tentatives : réessayez plus tard.',
  signOut: 'Se déconnecter',
  dashboard: 'Tableau de bord',
  customers: 'Clients',
  language: 'Langue',
  loading: 'Chargement…',
  error: 'Une erreur est survenue',
  outstanding: 'Encours total',
  overdue: 'Échu',
  overdueShare: 'Part échue',
  overLimit: 'Clients au-delà de leur limite',
  withoutLimit: 'Clients sans limite de crédit',
  customerCount: 'Clients',
  dso: 'DSO (jours)',
  agedBalance: 'Balance âgée par type de client',
  balanceByType: 'Encours non échu / échu par type de client',
  notDue: 'Non échu',
  topOverdue: 'Clients les plus en retard',
  anomalies: 'Anomalies détectées',
  noAnomalies: 'Aucune anomalie signalée.',
  riskPanel: 'Risque : utilisation des limites',
  search: 'Rechercher (nom ou code)',
  customerType: 'Type de client',
  salesperson: 'Commercial',
  overdueOnly: 'Échus seulement',
  sortBy: 'Trier par',
  sortCode: 'Code',
  sortName: 'Nom',
  sortBalance: 'Encours',
  sortOverdue: 'Échu',
  all: 'Tous',
  code: 'Code',
  name: 'Nom',
  balance: 'Encours',
  limit: 'Limite de crédit',
  status: 'Statut',
  results: '{n} clients',
  page: 'Page',
  noLimit: 'aucune',
  identity: 'Identité',
  legalIds: 'Identifiants légaux',
  paymentTerms: 'Conditions de paiement',
  contacts: 'Contacts',
  billingEmail: 'E-mail de facturation',
  address: 'Adresse',
  limitUsage: 'Utilisation de la limite',
  openItems: 'Pièces ouvertes',
  document: 'Pièce',
  issueDate: 'Date',
  dueDate: 'Échéance',
  amount: 'Montant',
  open: 'Reste dû',
  daysPastDue: 'Retard (j)',
  timeline: 'Historique',
  notes: 'Notes',
  addNote: 'Ajouter la note',
  notePlaceholder: 'Note (mentionnez un collègue avec @e-mail)',
  noteAdded: 'Note ajoutée',
  edit: 'Modifier la fiche',
  save: 'Enregistrer',
  cancel: 'Annuler',
  saved: 'Fiche mise à jour',
  creditLimitEuros: 'Limite de crédit ({currency})',
  contactName: 'Nom du contact',
  contactEmail: 'E-mail du contact',
  contactPhone: 'Téléphone du contact',
  orders: 'Commandes',
  audit: 'Journal d’audit',
  notFound: 'Client introuvable ou hors de votre périmètre.',
  backToList: 'Retour à la liste',
  asOf: 'au {date}',
  previous: 'Précédent',
  next: 'Suivant',
  skipToContent: 'Aller au contenu',
  none: 'Aucun',
  ...importsFr,
  ...reportsFr,
  ...adminFr,
} as const;

export type Key = keyof typeof fr;

const en: Record<Key, string> = {
  appName: 'Encours',
  signIn: 'Sign in',
  signInTitle: 'Sign in',
  email: 'E-mail address',
  password: 'Password',
  wrongCredentials: 'Wrong e-mail or password.',
  tooManyAttempts: 'Too many attempts: try again later.',
  signOut: 'Sign out',
  dashboard: 'Dashboard',
  customers: 'Customers',
  language: 'Language',
  loading: 'Loading…',
  error: 'Something went wrong',
  outstanding: 'Total outstanding',
  overdue: 'Overdue',
  overdueShare: 'Overdue share',
  overLimit: 'Customers over their limit',
  withoutLimit: 'Customers without a credit limit',
  customerCount: 'Customers',
  dso: 'DSO (days)',
  agedBalance: 'Aged balance by customer type',
  balanceByType: 'Not yet due / overdue by customer type',
  notDue: 'Not yet due',
  topOverdue: 'Most overdue customers',
  anomalies: 'Anomalies found',
  noAnomalies: 'No anomaly reported.',
  riskPanel: 'Risk: credit-line usage',
  search: 'Search (name or code)',
  customerType: 'Customer type',
  salesperson: 'Salesperson',
  overdueOnly: 'Overdue only',
  sortBy: 'Sort by',
  sortCode: 'Code',
  sortName: 'Name',
  sortBalance: 'Outstanding',
  sortOverdue: 'Overdue',
  all: 'All',
  code: 'Code',
  name: 'Name',
  balance: 'Outstanding',
  limit: 'Credit limit',
  status: 'Status',
  results: '{n} customers',
  page: 'Page',
  noLimit: 'none',
  identity: 'Identity',
  legalIds: 'Legal identifiers',
  paymentTerms: 'Payment terms',
  contacts: 'Contacts',
  billingEmail: 'Billing e-mail',
  address: 'Address',
  limitUsage: 'Credit-line usage',
  openItems: 'Open items',
  document: 'Document',
  issueDate: 'Date',
  dueDate: 'Due date',
  amount: 'Amount',
  open: 'Open',
  daysPastDue: 'Days late',
  timeline: 'Timeline',
  notes: 'Notes',
  addNote: 'Add note',
  notePlaceholder: 'Note (mention a colleague with @e-mail)',
  noteAdded: 'Note added',
  edit: 'Edit customer file',
  save: 'Save',
  cancel: 'Cancel',
  saved: 'Customer file updated',
  creditLimitEuros: 'Credit limit ({currency})',
  contactName: 'Contact name',
  contactEmail: 'Contact e-mail',
  contactPhone: 'Contact phone',
  orders: 'Orders',
  audit: 'Audit trail',
  notFound: 'Customer not found or outside your portfolio.',
  backToList: 'Back to the list',
  asOf: 'as of {date}',
  previous: 'Previous',
  next: 'Next',
  skipToContent: 'Skip to content',
  none: 'None',
  ...importsEn,
  ...reportsEn,
  ...adminEn,
};

const CUSTOMER_TYPES: Record<Lang, Record<string, string>> = {
  fr: {
    large_retail: 'Grande distribution',
    wholesaler: 'Grossiste',
    independent_retailer: 'Détaillant indépendant',
    sme: 'PME',
    public_body: 'Organisme public',
    export: 'Export',
    other: 'Autre',
  },
  en: {
    large_retail: 'Large retail',
    wholesaler: 'Wholesaler',
    independent_retailer: 'Independent retailer',
    sme: 'SME',
    public_body: 'Public body',
    export: 'Export',
    other: 'Other',
  },
};

const STATUSES: Record<Lang, Record<string, string>> = {
  fr: {
    active: 'Actif',
    blocked: 'Bloqué',
    safeguard: 'Sauvegarde',
    receivership: 'Redressement',
    liquidation: 'Liquidation',
    closed: 'Fermé',
  },
  en: {
    active: 'Active',
    blocked: 'Blocked',
    safeguard: 'Safeguard',
    receivership: 'Receivership',
    liquidation: 'Liquidation',
    closed: 'Closed',
  },
};

interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  t(key: Key, values?: Record<string, string | number>): string;
  customerType(type: string): string;
  status(status: string): string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() =>
    localStorage.getItem('encours.lang') === 'en' ? 'en' : 'fr',
  );
  const setLang = useCallback((next: Lang) => {
    localStorage.setItem('encours.lang', next);
    document.documentElement.lang = next;
    setLangState(next);
  }, []);
  const value = useMemo<I18n>(() => {
    const dictionary = lang === 'en' ? en : fr;
    return {
      lang,
      setLang,
      t: (key, values) =>
        Object.entries(values ?? {}).reduce(
          (text, [name, value]) => text.replace(`{${name}}`, String(value)),
          dictionary[key] as string,
        ),
      customerType: (type) => CUSTOMER_TYPES[lang][type] ?? type,
      status: (status) => STATUSES[lang][status] ?? status,
    };
  }, [lang, setLang]);
  return <I18nContext value={value}>{children}</I18nContext>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

export const CUSTOMER_TYPE_KEYS = Object.keys(CUSTOMER_TYPES.fr);
export const STATUS_KEYS = Object.keys(STATUSES.fr);
