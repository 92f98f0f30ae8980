import { Command } from 'commander';
import { CliContext } from '../context';
import { registerAdminCommands } from './admin.command';
import { registerCostModelCommands } from './cost-model.command';
import { registerInvoicingCommands } from './invoicing.command';
import { registerFilesCommands } from './files.command';
import { registerOnCallCommands } from './on-call.command';
import { registerScenarioCommands } from './scenario.command';
import { registerDriftCommands } from './drift.command';
import { registerUtvecklingCommands } from './utveckling.command';
import { registerRegisterCommands } from './registers.command';
import { registerPriceListCommands } from './price-list.command';
import { registerLedgerCommands } from './ledger.command';
import { registerBackupCommands } from './backup.command';
import { registerBudgetCycleCommands } from './budget-cycle.command';

/** Every command group, registered in the order `--help` lists them. */
export const COMMAND_GROUPS: ((program: Command, ctx: CliContext) => void)[] = [
  registerAdminCommands,
  registerInvoicingCommands,
  registerFilesCommands,
  registerOnCallCommands,
  registerCostModelCommands,
  registerRegisterCommands,
  registerLedgerCommands,
  registerBudgetCycleCommands,
  registerScenarioCommands,
  registerDriftCommands,
  registerUtvecklingCommands,
  registerPriceListCommands,
  registerBackupCommands,
];
