// Everyday acronyms of business, operations and office work, and currency codes, written from general
// knowledge, lower-case. Written in capitals in a prompt ("export the CRM to CSV", "SKU", "ETA", "SEK")
// they name a kind of thing, a document or a unit, never an organization, and never a person.

const split = (s: string): string[] =>
  s
    .split(/[|\s]+/)
    .map((x) => x.trim())
    .filter(Boolean);

/** Business, logistics, finance and IT shorthand. */
export const EVERYDAY_ACRONYMS: readonly string[] = split(`
crm erp sku skus ocr rfid nfc csv tsv dns pos b2b b2c saas paas iaas kpi kpis okr okrs roi sla slas nda ndas
sow msa moq rfq rfp rfi po pos grn asn etd eta atd awb bol hbl mbl fcl lcl teu hs hts ean upc gtin
isbn issn asin vin imei iban bic ach sepa bacs eft atm pin otp pos vat gst hst pst ein tin ssn itin cogs
ebitda capex opex arr mrr ltv cac nps csat ces aov gmv ytd qtd mtd yoy mom qoq fy fte pto wfh ooo eod eow
cob hr hris ats lms ehr emr hvac ppe msds sds coa rma sop sops rca mttr mtbf mttd sev inc chg req crq
wms tms oms edi scm mrp bom plm pim mes tos eula gdpr ccpa hipaa kyc aml cv cvs faq faqs qa qc uat ops devops dev prod kyb p2p
cpi ppi gdp rsu rsus esop espp hsa fsa tva siret siren rcs dba fmla hrbp dob dpo std ltd dept fao attn mgmt qsa dpa dpia dsar emea apac apj latam amer dach anz mena ap
sms mms msp pnr ehic ghic pmh ods
`);

/** ISO 4217 codes of the currencies prompts mention most. */
export const CURRENCY_CODES: readonly string[] = split(`
usd eur gbp jpy cny rmb hkd twd krw sgd aud nzd cad chf sek nok dkk isk pln czk huf ron bgn hrk try rub uah
inr pkr bdt lkr npr idr myr thb php vnd aed sar qar kwd bhd omr ils egp mad zar ngn kes ghs brl ars clp cop
pen mxn uyu
`);
