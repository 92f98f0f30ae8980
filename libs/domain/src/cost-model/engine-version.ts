/** The cost engine's version, stored with every split run so a result can be reproduced (DOMAIN.md 5.5). */
export const COST_ENGINE_VERSION = 'cost-engine/1.0.0';
