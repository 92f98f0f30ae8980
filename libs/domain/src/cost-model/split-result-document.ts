import { SPLIT_RESULT_FORMAT, type CostModel, type CostSplit, type SplitResultDocument } from './types';

/** The published split result (DOMAIN.md 5.4), key order and money formatting exactly as specified. */
export function toSplitResultDocument(model: CostModel, split: CostSplit): SplitResultDocument {
  return {
    format: SPLIT_RESULT_FORMAT,
    model: model.name,
    year: model.year,
    total: split.total.toString(),
    services: split.services.map((s) => ({
      id: s.id,
      direct: s.direct.toString(),
      received: s.received.toString(),
      total: s.total.toString(),
      driver: s.driver,
      volume: s.volume ? s.volume.toString() : null,
      unitPrice: s.unitPrice ? s.unitPrice.toString() : null,
    })),
    consumers: split.consumers.map((c) => {
      const services: Record<string, string> = {};
      for (const line of c.services) services[line.to] = line.amount.toString();
      return { id: c.id, municipality: c.municipality, total: c.total.toString(), services };
    }),
    municipalities: split.municipalities.map((m) => ({ id: m.id, total: m.total.toString() })),
  };
}
