import { CordonCommand } from '../cli/node/cordon-command.js';

export default class Uncordon extends CordonCommand {
  static override summary = 'Mark node as schedulable';
  static override description = 'Mark node as schedulable.';
  static override usage = 'uncordon NODE';
  static override examples = ['# Mark node "foo" as schedulable\n<%= config.bin %> uncordon foo'];

  protected readonly verb = 'uncordon';
}
