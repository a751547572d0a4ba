import { CordonCommand } from '../cli/node/cordon-command.js';

export default class Cordon extends CordonCommand {
  static override summary = 'Mark node as unschedulable';
  static override description = 'Mark node as unschedulable.';
  static override usage = 'cordon NODE';
  static override examples = ['# Mark node "foo" as unschedulable\n<%= config.bin %> cordon foo'];

  protected readonly verb = 'cordon';
}
