/**
 * The demo cooperation: Ulricehamn hosts the joint IT department, Tranemo is the partner; one
 * bolag of Ulricehamn and a payroll committee (lönenämnd) shared with Svenljunga and hosted there:
 * Svenljunga is outside the IT cooperation, so the committee's IT cost is an external invoice
 * to Svenljunga kommun naming the committee (DOMAIN.md 3).
 * Organisation numbers carry valid check digits (Ulricehamn's is the one in DOMAIN.md).
 */
export const DEMO_MUNICIPALITIES = [
  {
    id: 'ulricehamn',
    name: 'Ulricehamns kommun',
    orgNo: '212000-1561',
    street: 'Stadshuset, Box 1',
    postalCode: '523 21',
    city: 'Ulricehamn',
    bankgiro: '5050-1055',
    counterpartyCode: '81-ULR',
    // Its invoice numbers (ULR-2025-00017) and the contact on them ("Vår referens", Peppol BT-41..43).
    invoicePrefix: 'ULR',
    invoiceContactName: 'Ekonomienheten, kundreskontra',
    invoiceContactPhone: '0321-100 00',
    invoiceContactEmail: 'kundfaktura@ulricehamn.example',
  },
  {
    id: 'tranemo',
    name: 'Tranemo kommun',
    orgNo: '212000-1538',
    street: 'Kommunhuset, Box 2',
    postalCode: '514 80',
    city: 'Tranemo',
    bankgiro: null,
    counterpartyCode: '81-TRA',
  },
  {
    id: 'svenljunga',
    name: 'Svenljunga kommun',
    orgNo: '212000-1520',
    street: 'Kommunhuset, Box 3',
    postalCode: '512 80',
    city: 'Svenljunga',
    bankgiro: null,
    counterpartyCode: '81-SVE',
  },
] as const;

export const DEMO_UNITS = [
  {
    id: 'ulr-ks',
    municipalityId: 'ulricehamn',
    parentId: null,
    name: 'Ulricehamn kommunstyrelsens förvaltning',
    kind: 'forvaltning',
    responsibilityCode: '1100',
    fundingMode: 'appropriation',
  },
  {
    id: 'ulr-it',
    municipalityId: 'ulricehamn',
    parentId: 'ulr-ks',
    name: 'IT-avdelningen',
    kind: 'enhet',
    responsibilityCode: '1150',
    fundingMode: 'appropriation',
  },
  {
    id: 'ulr-bou',
    municipalityId: 'ulricehamn',
    parentId: null,
    name: 'Ulricehamn förvaltningen för barn och utbildning',
    kind: 'forvaltning',
    responsibilityCode: '3000',
    fundingMode: 'internal-charge',
  },
  {
    id: 'ulr-vof',
    municipalityId: 'ulricehamn',
    parentId: null,
    name: 'Ulricehamn vård- och omsorgsförvaltningen',
    kind: 'forvaltning',
    responsibilityCode: '4000',
    fundingMode: 'internal-charge',
  },
  {
    id: 'tra-kl',
    municipalityId: 'tranemo',
    parentId: null,
    name: 'Tranemo kommunledningssektionen',
    kind: 'sektion',
    responsibilityCode: '1000',
    fundingMode: 'external-invoice',
  },
  {
    id: 'tra-utb',
    municipalityId: 'tranemo',
    parentId: null,
    name: 'Tranemo utbildningssektionen',
    kind: 'sektion',
    responsibilityCode: '3000',
    fundingMode: 'external-invoice',
  },
  {
    id: 'tra-oms',
    municipalityId: 'tranemo',
    parentId: null,
    name: 'Tranemo omsorgssektionen',
    kind: 'sektion',
    responsibilityCode: '5000',
    fundingMode: 'external-invoice',
  },
] as const;

export const DEMO_COMPANIES = [
  {
    id: 'bolag-ue',
    name: 'Ulricehamns Energi AB',
    orgNo: '556012-3456',
    ownerMunicipalityId: 'ulricehamn',
    street: 'Box 101',
    postalCode: '523 22',
    city: 'Ulricehamn',
    counterpartyCode: '85-UE',
  },
] as const;

export const DEMO_JOINT_COMMITTEES = [
  {
    id: 'lonenamnd',
    name: 'Lönenämnden Ulricehamn, Tranemo och Svenljunga',
    hostMunicipalityId: 'svenljunga',
    members: ['ulricehamn', 'tranemo', 'svenljunga'],
    responsibilityCode: '1900',
    counterpartyCode: '82-LON',
  },
] as const;
