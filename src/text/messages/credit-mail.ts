/**
 * Default e-mail templates of the credit decisions (LiquidJS, not ICU: they are configuration a
 * company may rewrite, stored as a versioned `message_templates` body); variables arrive already
 * formatted for the reader.
 */
export interface MailTemplate {
  subject: string;
  text: string;
}

/** Default e-mail templates by message and language (LiquidJS; variables already formatted). */
export const CREDIT_MAIL_TEMPLATES: Record<string, Record<'fr' | 'en', MailTemplate>> = {
  // To the customer: what it may read only (its overdue invoices, its order), never the limit,
  // exposure, score or class the credit department judged on (app/credit/decision-messages.ts).
  order_hold: {
    fr: {
      subject: 'Votre commande {{ order_ref }} est en attente de validation',
      text: `Bonjour,

Votre commande {{ order_ref }} d’un montant de {{ order_amount }} est en cours d’examen par notre service crédit avant sa validation.
{% for reason in reasons %}{% if forloop.first %}
{% endif %}- {{ reason }}
{% endfor %}{% if overdue_amount %}
Le règlement de ces factures échues accélérera sa validation.
{% endif %}
Nous revenons vers vous très rapidement.{% if contact %} Pour toute question : {{ contact }}.{% endif %}

Le service crédit de {{ company_name }}
`,
    },
    en: {
      subject: 'Your order {{ order_ref }} is awaiting approval',
      text: `Hello,

Your order {{ order_ref }} of {{ order_amount }} is being reviewed by our credit department before it is approved.
{% for reason in reasons %}{% if forloop.first %}
{% endif %}- {{ reason }}
{% endfor %}{% if overdue_amount %}
Settling these overdue invoices will speed up its approval.
{% endif %}
We will come back to you shortly.{% if contact %} For any question: {{ contact }}.{% endif %}

The credit department of {{ company_name }}
`,
    },
  },
  order_refusal: {
    fr: {
      subject: 'Votre commande {{ order_ref }} ne peut pas être validée',
      text: `Bonjour,

Nous ne pouvons pas valider votre commande {{ order_ref }} d’un montant de {{ order_amount }} avec un paiement à échéance.
{% for reason in reasons %}{% if forloop.first %}
{% endif %}- {{ reason }}
{% endfor %}
Une commande payée à la commande ou à la livraison reste possible.{% if contact %} Pour toute question : {{ contact }}.{% endif %}

Le service crédit de {{ company_name }}
`,
    },
    en: {
      subject: 'Your order {{ order_ref }} cannot be approved',
      text: `Hello,

We cannot approve your order {{ order_ref }} of {{ order_amount }} on payment terms.
{% for reason in reasons %}{% if forloop.first %}
{% endif %}- {{ reason }}
{% endfor %}
An order paid in advance or on delivery remains possible.{% if contact %} For any question: {{ contact }}.{% endif %}

The credit department of {{ company_name }}
`,
    },
  },
  staff_notification: {
    fr: {
      subject: 'Commande {{ order_ref }} de {{ customer_name }} : {{ decision }}',
      text: `Bonjour,

La commande {{ order_ref }} de {{ customer_name }} ({{ customer_code }}), d’un montant de {{ order_amount }}, est : {{ decision }}.
{% for reason in reasons %}- {{ reason }}
{% endfor %}
Exposition : {{ exposure }} · limite : {{ limit }} · disponible : {{ available }}.
{% if approver_role %}À valider par : {{ approver_role }}.
{% endif %}{% if comment %}Commentaire : {{ comment }}
{% endif %}
Encours
`,
    },
    en: {
      subject: 'Order {{ order_ref }} of {{ customer_name }}: {{ decision }}',
      text: `Hello,

Order {{ order_ref }} of {{ customer_name }} ({{ customer_code }}), for {{ order_amount }}, is: {{ decision }}.
{% for reason in reasons %}- {{ reason }}
{% endfor %}
Exposure: {{ exposure }} · limit: {{ limit }} · available: {{ available }}.
{% if approver_role %}To be approved by: {{ approver_role }}.
{% endif %}{% if comment %}Comment: {{ comment }}
{% endif %}
Encours
`,
    },
  },
  risk_alert: {
    fr: {
      subject:
        'Alerte risque : {{ customer_name }} passe de la classe {{ class_before }} à {{ class_after }}',
      text: `Bonjour,

Le score de {{ customer_name }} ({{ customer_code }}) est passé de {{ score_before }} à {{ score_after }} au {{ as_of }} : classe {{ class_before }} → {{ class_after }}.

Encours
`,
    },
    en: {
      subject: 'Risk alert: {{ customer_name }} moves from class {{ class_before }} to {{ class_after }}',
      text: `Hello,

The score of {{ customer_name }} ({{ customer_code }}) went from {{ score_before }} to {{ score_after }} as of {{ as_of }}: class {{ class_before }} → {{ class_after }}.

Encours
`,
    },
  },
};
