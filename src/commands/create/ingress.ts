import { Flags } from '@oclif/core';
import { arrayFlag, GeneratorCommand, generatorFlags } from '../../cli/generators/generator-command.js';
import { generateIngress } from '../../cli/generators/ingress.js';

export default class CreateIngress extends GeneratorCommand<typeof CreateIngress> {
  static override summary = 'Create an ingress with the specified name';
  static override description = 'Create an ingress with the specified name.';
  static override aliases = ['create:ing'];
  static override strict = false;
  static override usage = 'create ingress NAME --rule=host/path=service:port[,tls[=secret]]';
  static override examples = [
    '# Create a single ingress called \'simple\' that directs requests to foo.com/bar to svc\n# svc1:8080 with a TLS secret "my-cert"\n<%= config.bin %> create ingress simple --rule="foo.com/bar=svc1:8080,tls=my-cert"',
    '# Create a catch all ingress of "/path" pointing to service svc:port and Ingress Class as "otheringress"\n<%= config.bin %> create ingress catch-all --class=otheringress --rule="/path=svc:port"',
    '# Create an ingress with two annotations: ingress.annotation1 and ingress.annotations2\n<%= config.bin %> create ingress annotated --class=default --rule="foo.com/bar=svc:port" --annotation ingress.annotation1=foo --annotation ingress.annotation2=bla',
    '# Create an ingress with the same host and multiple paths\n<%= config.bin %> create ingress multipath --class=default --rule="foo.com/=svc:port" --rule="foo.com/admin/=svcadmin:portadmin"',
    '# Create an ingress with multiple hosts and the pathType as Prefix\n<%= config.bin %> create ingress ingress1 --class=default --rule="foo.com/path*=svc:8080" --rule="bar.com/admin*=svc2:http"',
    '# Create an ingress with TLS enabled using a specific secret and pathType as Prefix\n<%= config.bin %> create ingress ingsecret --class=default --rule="foo.com/*=svc:8080,tls=secret1"',
    '# Create an ingress with a default backend\n<%= config.bin %> create ingress ingdefault --class=default --default-backend=defaultsvc:http --rule="foo.com/*=svc:8080,tls=secret1"',
  ];
  static override flags = {
    ...generatorFlags,
    class: Flags.string({ description: 'Ingress Class to be used', default: '' }),
    rule: arrayFlag("Rule in format host/path=service:port[,tls=secretname]. Paths containing the leading character '*' are considered pathType=Prefix. tls argument is optional."),
    'default-backend': Flags.string({ description: 'Default service for backend, in format of svcname:port', default: '' }),
    annotation: arrayFlag('Annotation to insert in the ingress object, in the format annotation=value'),
  };

  async run(): Promise<void> {
    const obj = generateIngress({
      name: this.nameArg(),
      namespace: this.enforcedNamespace(),
      className: this.flags.class,
      rules: this.flags.rule ?? [],
      defaultBackend: this.flags['default-backend'],
      annotations: this.flags.annotation ?? [],
    });
    await this.finish(obj, { failure: 'failed to create ingress: ' });
  }
}
