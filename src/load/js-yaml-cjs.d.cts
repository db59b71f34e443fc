import * as jsyaml from 'js-yaml';
export = jsyaml;
