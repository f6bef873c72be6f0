/**
 * One demo login per role of the customer-accounts department of SA CB2C (the role play of the
 * teaching scenario: customer accountant, head of accounting, sales engineer, director), and a
 * login for each salesperson whose customers the demo's situations involve.
 */
import type { DemoUser } from './demo-types.ts';

export const CREDIT_MANAGER_NAME = 'Claire Moreau';
export const COLLECTOR_NAME = 'Julien Petit';

export const DEMO_USERS: readonly DemoUser[] = [
  { email: 'admin@cb2c.example', name: 'Administrateur CB2C', role: 'admin', salesperson: null },
  {
    email: 'claire.moreau@cb2c.example',
    name: CREDIT_MANAGER_NAME,
    role: 'credit_manager',
    salesperson: null,
  },
  { email: 'julien.petit@cb2c.example', name: COLLECTOR_NAME, role: 'collector', salesperson: null },
  {
    email: 'sophie.bernard@cb2c.example',
    name: 'Sophie Bernard',
    role: 'salesperson',
    salesperson: 'Sophie Bernard',
  },
  {
    email: 'karim.haddad@cb2c.example',
    name: 'Karim Haddad',
    role: 'salesperson',
    salesperson: 'Karim Haddad',
  },
  // The salesperson of the customer over its limit: the held order and the limit request are hers.
  {
    email: 'julie.lefevre@cb2c.example',
    name: 'Julie Lefèvre',
    role: 'salesperson',
    salesperson: 'Julie Lefèvre',
  },
  { email: 'philippe.lambert@cb2c.example', name: 'Philippe Lambert', role: 'director', salesperson: null },
  // Internal audit reads everything and changes nothing; the fraud signals are its report.
  { email: 'ines.garnier@cb2c.example', name: 'Inès Garnier', role: 'auditor', salesperson: null },
];
