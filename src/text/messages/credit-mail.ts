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
  order_hold: {
    fr: {
      subject: 'Votre commande {{ order_ref }} est en attente de validation',
      text: `Bonjour,

Votre commande {{ order_ref }} du montant de {{ order_amount }} est en attente de validation par notre service crédit, pour les raisons suivantes :
{% for reason in reasons %}- {{ reason }}
{% endfor %}
Nous revenons vers vous très rapidement. Un règlement des échéances en retard permet de la libérer sans attendre.

Le service crédit de {{ company_name }}
`,
    },
    en: {
      subject: 'Your order {{ order_ref }} is awaiting approval',
      text: `Hello,

Your order {{ order_ref }} of {{ order_amount }} is awaiting approval by our credit department, for the following reasons:
{% for reason in reasons %}- {{ reason }}
{% endfor %}
We will come back to you shortly. Settling the overdue items releases it at once.

The credit department of {{ company_name }}
`,
    },
  },
  order_refusal: {
    fr: {
      subject: 'Votre commande {{ order_ref }} ne peut pas être validée',
      text: `Bonjour,

Nous ne pouvons pas valider votre commande {{ order_ref }} d’un montant de {{ order_amount }}, pour les raisons suivantes :
{% for reason in reasons %}- {{ reason }}
{% endfor %}{% if comment %}
{{ comment }}
{% endif %}
Une commande payée à la commande ou à la livraison reste possible.

Le service crédit de {{ company_name }}
`,
    },
    en: {
      subject: 'Your order {{ order_ref }} cannot be approved',
      text: `Hello,

We cannot approve your order {{ order_ref }} of {{ order_amount }}, for the following reasons:
{% for reason in reasons %}- {{ reason }}
{% endfor %}{% if comment %}
{{ comment }}
{% endif %}
An order paid in advance or on delivery remains possible.

The credit department of {{ company_name }}
`,
    },
  },
  staff_notification: {
    fr: {
      subject: 'Commande {{ order_ref }} de {{ customer_name }} : {{ decision }}',
      text: `Bonjour,

La commande {{ order_ref }} de {{ customer_name }} ({{ customer_code }}), d’un montant de {{ order_amount }}, est : {{ decision }}.
{% for reason in reasons %}- {{ reason }}
{% endfor %}
Exposition : {{ exposure }} · limite : {{ limit }} · disponible : {{ available }}.
{% if approver_role %}À valider par : {{ approver_role }}.
{% endif %}{% if comment %}Commentaire : {{ comment }}
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
        'Alerte risque : {{ customer_name }} passe de la classe {{ class_before }} à {{ class_after }}',
      text: `Bonjour,

Le score de {{ customer_name }} ({{ customer_code }}) est passé de {{ score_before }} à {{ score_after }} au {{ as_of }} : classe {{ class_before }} → {{ class_after }}.

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
