// The base connector of the breaking-change tests, and the edits (one per case) made to it.
import { json } from '../helpers.js';

type Json = Record<string, unknown>;

const text = (name: string) => ({ 'x-ms-summary': name, description: `The ${name.toLowerCase()} of the frame, as the API returns it.` });

export function baseSwagger(): Json {
  return {
    swagger: '2.0',
    info: {
      title: 'Contoso Frames',
      description: 'Contoso Frames makes custom picture frames. Browse frames, order a frame and track orders.',
      version: '1.0',
      contact: { name: 'Contoso Frames Support', url: 'https://www.contoso.com/support', email: 'support@contoso.com' },
    },
    host: 'api.contoso.com',
    basePath: '/v1',
    schemes: ['https'],
    consumes: ['application/json'],
    produces: ['application/json'],
    paths: {
      '/frames/{frameId}': {
        get: {
          operationId: 'GetFrame',
          summary: 'Get a frame',
          description: 'Gets one frame with its size and material.',
          'x-ms-visibility': 'important',
          parameters: [
            { name: 'frameId', in: 'path', required: true, type: 'string', ...text('Frame ID') },
            { name: 'units', in: 'query', required: false, type: 'string', enum: ['cm', 'in'], ...text('Units') },
            { name: 'format', in: 'query', required: false, type: 'string', ...text('Format') },
            { name: 'limit', in: 'query', required: false, type: 'integer', ...text('Limit') },
            { name: 'api-version', in: 'query', required: true, type: 'string', default: '2024-01-01', 'x-ms-visibility': 'internal', ...text('API version') },
          ],
          responses: { '200': { description: 'The frame.', schema: { $ref: '#/definitions/Frame' } } },
        },
      },
      '/orders': {
        post: {
          operationId: 'CreateOrder',
          summary: 'Create an order',
          description: 'Orders a frame for one picture.',
          'x-ms-visibility': 'important',
          parameters: [{ name: 'body', in: 'body', required: true, schema: { $ref: '#/definitions/NewOrder' }, ...text('Order') }],
          responses: { '201': { description: 'The order.', schema: { $ref: '#/definitions/Order' } } },
        },
      },
      '/orders/trigger': {
        get: {
          operationId: 'OnNewOrder',
          summary: 'When an order is created',
          description: 'Triggers when a new framing order is created.',
          'x-ms-trigger': 'batch',
          responses: { '200': { description: 'New orders.', schema: { type: 'array', items: { $ref: '#/definitions/Order' } } } },
        },
      },
    },
    definitions: {
      Frame: {
        type: 'object',
        properties: {
          id: { type: 'string', ...text('ID') },
          material: { type: 'string', enum: ['wood', 'metal'], ...text('Material') },
          widthCm: { type: 'integer', ...text('Width') },
          tags: { type: 'array', items: { type: 'string' }, ...text('Tags') },
          parent: { $ref: '#/definitions/Frame' },
        },
      },
      NewOrder: {
        type: 'object',
        required: ['frameId'],
        properties: {
          frameId: { type: 'string', ...text('Frame ID') },
          note: { type: 'string', ...text('Note') },
          quantity: { type: 'number', ...text('Quantity') },
        },
      },
      Order: {
        type: 'object',
        properties: {
          id: { type: 'string', ...text('Order ID') },
          status: { type: 'string', ...text('Status') },
          price: { type: 'number', ...text('Price') },
        },
      },
    },
    securityDefinitions: { api_key: { type: 'apiKey', name: 'X-API-Key', in: 'header' } },
    security: [{ api_key: [] }],
    'x-ms-connector-metadata': [
      { propertyName: 'Website', propertyValue: 'https://www.contoso.com' },
      { propertyName: 'Privacy policy', propertyValue: 'https://www.contoso.com/privacy' },
      { propertyName: 'Categories', propertyValue: 'Commerce;Productivity' },
    ],
  };
}

export function baseApiProperties(): Json {
  return {
    properties: {
      connectionParameters: {
        api_key: {
          type: 'securestring',
          uiDefinition: { displayName: 'API key', description: 'The API key of your account.', tooltip: 'Settings, API access.', constraints: { tabIndex: 2, clearText: false, required: 'true' } },
        },
      },
      iconBrandColor: '#1F6F8B',
      capabilities: [],
      publisher: 'Contoso Ltd',
      stackOwner: 'Contoso Ltd',
    },
  };
}

/* eslint-disable @typescript-eslint/no-explicit-any */
export type Edit = (swagger: any, apiProperties: any) => void;

/**
 * Where a finding must be: the first line that reads `line` (trimmed, without a trailing comma),
 * after the line that reads `after` when given, at the column where `column` starts.
 */
export interface Spot {
  after?: string;
  line: string;
  /** Text whose first character is the finding's column (default: `line`). */
  column?: string;
  file?: 'apiDefinition.swagger.json' | 'apiProperties.json';
}

export interface FlaggedCase {
  name: string;
  rule: string;
  edit: Edit;
  spot: Spot;
  /** The message must match. */
  message: RegExp;
  /** Base line quoted by the message: the line of this text in the base file (after `after`). */
  baseLine?: { after?: string; line: string; file?: Spot['file'] };
}

const params = (s: any) => s.paths['/frames/{frameId}'].get.parameters as any[];
const param = (s: any, name: string) => params(s).find((p) => p.name === name);

export const FLAGGED: FlaggedCase[] = [
  {
    name: 'operation deleted',
    rule: 'breaking-operation-removed',
    edit: (s) => {
      const item = s.paths['/frames/{frameId}'];
      item.put = { ...item.get, operationId: 'UpdateFrame', summary: 'Update a frame' };
      delete item.get;
    },
    spot: { line: '"/frames/{frameId}": {', column: '"/frames/{frameId}"' },
    message: /^operation 'GetFrame' \(line (\d+) in the base\) was deleted; flows that use it will break; .*keep 'GetFrame' as it was with "deprecated": true .*'GetFrame_V2'.*x-ms-api-annotation family\/revision$/,
    baseLine: { after: '"/frames/{frameId}": {', line: '"get": {' },
  },
  {
    name: 'operation renamed',
    rule: 'breaking-operation-removed',
    edit: (s) => {
      s.paths['/frames/{frameId}'].get.operationId = 'GetFrameById';
    },
    spot: { line: '"operationId": "GetFrameById"', column: '"GetFrameById"' },
    message: /^operation 'GetFrame' \(line (\d+) in the base\) was renamed to 'GetFrameById'/,
    baseLine: { after: '"/frames/{frameId}": {', line: '"get": {' },
  },
  {
    name: 'path template changed',
    rule: 'breaking-path-changed',
    edit: (s) => {
      s.paths['/order'] = s.paths['/orders'];
      delete s.paths['/orders'];
    },
    spot: { line: '"/order": {', column: '"/order"' },
    message: /^operation 'CreateOrder' moved from 'POST \/orders' \(line (\d+) in the base\) to 'POST \/order'/,
    baseLine: { after: '"/orders": {', line: '"post": {' },
  },
  {
    name: 'parameter location changed',
    rule: 'breaking-parameter-location',
    edit: (s) => {
      param(s, 'format').in = 'header';
    },
    spot: { line: '"in": "header"', column: '"header"' },
    message: /^parameter 'format' of operation 'GetFrame' moved from 'query' \(line (\d+) in the base\) to 'header'/,
    baseLine: { after: '"name": "format"', line: '"in": "query"' },
  },
  {
    name: 'new required parameter',
    rule: 'breaking-required-input-added',
    edit: (s) => {
      params(s).push({ name: 'region', in: 'query', required: true, type: 'string', ...text('Region') });
    },
    spot: { after: '"name": "region"', line: '"required": true', column: 'true' },
    message: /^operation 'GetFrame' has a new required parameter 'region' \(in query\); existing flows do not send it; make it optional, or keep 'GetFrame'/,
  },
  {
    name: 'new required body field',
    rule: 'breaking-required-input-added',
    edit: (s) => {
      s.definitions.NewOrder.required.push('address');
      s.definitions.NewOrder.properties.address = { type: 'string', ...text('Address') };
    },
    spot: { after: '"NewOrder": {', line: '"address": {', column: '"address"' },
    message: /^parameter 'body' of operation 'CreateOrder' has a new required input field 'address'/,
  },
  {
    name: 'optional parameter became required',
    rule: 'breaking-input-required',
    edit: (s) => {
      param(s, 'format').required = true;
    },
    spot: { after: '"name": "format"', line: '"required": true', column: 'true' },
    message: /^parameter 'format' of operation 'GetFrame' changed from optional \(line (\d+) in the base\) to required/,
    baseLine: { after: '"name": "format"', line: '"required": false' },
  },
  {
    name: 'optional body field became required',
    rule: 'breaking-input-required',
    edit: (s) => {
      s.definitions.NewOrder.required.push('note');
    },
    spot: { after: '"NewOrder": {', line: '"note"', column: '"note"' },
    message: /^input field 'note' of parameter 'body' of operation 'CreateOrder' changed from optional to required/,
  },
  {
    name: 'enum added to an input',
    rule: 'breaking-enum-added',
    edit: (s) => {
      param(s, 'format').enum = ['png', 'jpg'];
    },
    spot: { after: '"name": "format"', line: '"enum": [', column: '"enum"' },
    message: /^parameter 'format' of operation 'GetFrame' now has an enum \('png', 'jpg'\)/,
  },
  {
    name: 'enum value removed from an input',
    rule: 'breaking-enum-value-removed',
    edit: (s) => {
      param(s, 'units').enum = ['cm'];
    },
    spot: { after: '"name": "units"', line: '"enum": [', column: '"enum"' },
    message: /^enum value 'in' \(line (\d+) in the base\) was removed from parameter 'units' of operation 'GetFrame'; existing flows may still send it/,
    baseLine: { after: '"name": "units"', line: '"in"' },
  },
  {
    name: 'output field deleted',
    rule: 'breaking-output-removed',
    edit: (s) => {
      delete s.definitions.Frame.properties.widthCm;
    },
    spot: { after: '"Frame": {', line: '"properties": {', column: '"properties"' },
    message: /^output field 'widthCm' \(line (\d+) in the base\) of response '200' of operation 'GetFrame' was deleted/,
    baseLine: { after: '"Frame": {', line: '"widthCm": {' },
  },
  {
    name: 'output field type changed',
    rule: 'breaking-output-type-changed',
    edit: (s) => {
      s.definitions.Order.properties.price.type = 'string';
    },
    spot: { after: '"price": {', line: '"type": "string"', column: '"string"' },
    message: /^output field 'price' of response '201' of operation 'CreateOrder' changed type from 'number' \(line (\d+) in the base\) to 'string'/,
    baseLine: { after: '"price": {', line: '"type": "number"' },
  },
  {
    name: 'output enum removed',
    rule: 'breaking-output-enum-removed',
    edit: (s) => {
      delete s.definitions.Frame.properties.material.enum;
    },
    spot: { after: '"Frame": {', line: '"material": {', column: '"material"' },
    message: /^output field 'material' of response '200' of operation 'GetFrame' lost its enum \(line (\d+) in the base\)/,
    baseLine: { after: '"material": {', line: '"enum": [' },
  },
  {
    name: 'authentication type changed (securityDefinitions)',
    rule: 'breaking-auth-changed',
    edit: (s) => {
      s.securityDefinitions.api_key = { type: 'oauth2', flow: 'accessCode', authorizationUrl: 'https://login.contoso.com/authorize', tokenUrl: 'https://login.contoso.com/token', scopes: {} };
    },
    spot: { after: '"securityDefinitions": {', line: '"type": "oauth2"', column: '"oauth2"' },
    message: /^the authentication type changed from 'apiKey' \(line (\d+) in the base\) to 'oauth2\/accessCode'; existing connections stop working/,
    baseLine: { line: '"api_key": {' },
  },
  {
    name: 'authentication changed (apiProperties connection parameter)',
    rule: 'breaking-auth-changed',
    edit: (_s, p) => {
      // From an API key to OAuth: the key's parameter goes, an oauthSetting comes.
      p.properties.connectionParameters = {
        token: { type: 'oauthSetting', oAuthSettings: { identityProvider: 'oauth2', clientId: 'contoso-frames', scopes: [], redirectMode: 'GlobalPerConnector' } },
      };
    },
    spot: { file: 'apiProperties.json', line: '"connectionParameters": {', column: '"connectionParameters"' },
    message: /^connection parameter 'api_key' \(line (\d+) in the base\) was removed; existing connections stop working/,
    baseLine: { file: 'apiProperties.json', line: '"api_key": {' },
  },
  {
    name: 'trigger kind changed',
    rule: 'breaking-trigger-changed',
    edit: (s) => {
      s.paths['/orders/trigger'].get['x-ms-trigger'] = 'single';
    },
    spot: { line: '"x-ms-trigger": "single"', column: '"single"' },
    message: /^operation 'OnNewOrder' changed from a 'batch' trigger \(line (\d+) in the base\) to a 'single' trigger/,
    baseLine: { line: '"x-ms-trigger": "batch"' },
  },
  {
    name: 'parameter removed',
    rule: 'breaking-parameter-removed',
    edit: (s) => {
      const list = params(s);
      list.splice(list.indexOf(param(s, 'limit')), 1);
    },
    spot: { after: '"operationId": "GetFrame"', line: '"parameters": [', column: '"parameters"' },
    message: /^parameter 'limit' \(in query, line (\d+) in the base\) was removed from operation 'GetFrame'/,
    baseLine: { after: '"name": "format"', line: '"name": "limit"' },
  },
  {
    name: 'input type narrowed',
    rule: 'breaking-type-narrowed',
    edit: (s) => {
      s.definitions.NewOrder.properties.quantity.type = 'integer';
    },
    spot: { after: '"quantity": {', line: '"type": "integer"', column: '"integer"' },
    message: /^input field 'quantity' of parameter 'body' of operation 'CreateOrder' changed type from 'number' \(line (\d+) in the base\) to 'integer'/,
    baseLine: { after: '"quantity": {', line: '"type": "number"' },
  },
  {
    name: 'visible operation became internal',
    rule: 'breaking-visibility-internal',
    edit: (s) => {
      s.paths['/frames/{frameId}'].get['x-ms-visibility'] = 'internal';
    },
    spot: { line: '"x-ms-visibility": "internal"', column: '"internal"' },
    message: /^operation 'GetFrame' changed x-ms-visibility from 'important' \(line (\d+) in the base\) to 'internal'/,
    baseLine: { line: '"x-ms-visibility": "important"' },
  },
];

export interface QuietCase {
  name: string;
  edit: Edit;
}

/** Near misses: changes that look like the ones above but break no flow. */
export const QUIET: QuietCase[] = [
  {
    name: 'an optional parameter added',
    edit: (s) => {
      params(s).push({ name: 'size', in: 'query', required: false, type: 'string', ...text('Size') });
    },
  },
  {
    name: 'descriptions and summaries edited',
    edit: (s, p) => {
      s.info.description = 'Contoso Frames makes custom picture frames. Browse frames, order frames and follow your orders.';
      s.paths['/frames/{frameId}'].get.description = 'Gets one frame: its size, material and tags.';
      param(s, 'format').description = 'The image format of the preview.';
      s.definitions.Order.properties.price.description = 'The total price, in euros.';
      p.properties.connectionParameters.api_key.uiDefinition.tooltip = 'Find it under Settings.';
    },
  },
  {
    name: 'an operation added',
    edit: (s) => {
      s.paths['/styles'] = { get: { operationId: 'ListStyles', summary: 'List styles', description: 'Lists frame styles.', responses: { '200': { description: 'Styles.' } } } };
    },
  },
  {
    name: 'a proper versioned replacement',
    edit: (s) => {
      const old = s.paths['/frames/{frameId}'].get;
      s.paths['/v2/frames/{frameId}'] = {
        get: {
          ...structuredClone(old),
          operationId: 'GetFrame_V2',
          'x-ms-api-annotation': { family: 'GetFrame', revision: 2 },
          parameters: [...structuredClone(old.parameters), { name: 'region', in: 'query', required: true, type: 'string', ...text('Region') }],
        },
      };
      old.deprecated = true;
      old['x-ms-visibility'] = 'internal';
      old.summary = 'Get a frame (deprecated)';
    },
  },
  {
    name: 'operations and properties reordered',
    edit: (s) => {
      s.paths = Object.fromEntries(Object.entries(s.paths).reverse());
      s.definitions.Frame.properties = Object.fromEntries(Object.entries(s.definitions.Frame.properties).reverse());
      params(s).reverse();
    },
  },
  {
    name: 'an input type widened (integer to number)',
    edit: (s) => {
      param(s, 'limit').type = 'number';
    },
  },
  {
    name: 'an enum value added to an input',
    edit: (s) => {
      param(s, 'units').enum = ['cm', 'in', 'mm'];
    },
  },
  {
    name: 'an output field added and an output enum value removed',
    edit: (s) => {
      s.definitions.Order.properties.currency = { type: 'string', ...text('Currency') };
      s.definitions.Frame.properties.material.enum = ['wood'];
    },
  },
  {
    name: 'an internal parameter with a default removed, another added',
    edit: (s) => {
      const list = params(s);
      list.splice(list.indexOf(param(s, 'api-version')), 1);
      list.push({ name: 'x-client', in: 'header', required: true, type: 'string', default: 'flow', 'x-ms-visibility': 'internal', ...text('Client') });
    },
  },
  {
    name: 'visibility important to advanced, an optional connection parameter added',
    edit: (s, p) => {
      s.paths['/frames/{frameId}'].get['x-ms-visibility'] = 'advanced';
      p.properties.connectionParameters.region = { type: 'string', uiDefinition: { displayName: 'Region', constraints: { required: 'false' } } };
    },
  },
];

export const SWAGGER = 'apiDefinition.swagger.json';
export const API_PROPERTIES = 'apiProperties.json';

/** The package files of a connector after an edit. */
export function packageFiles(dir: string, edit?: Edit): Record<string, string> {
  const swagger = baseSwagger();
  const apiProperties = baseApiProperties();
  edit?.(swagger, apiProperties);
  return { [`${dir}/${SWAGGER}`]: json(swagger), [`${dir}/${API_PROPERTIES}`]: json(apiProperties) };
}
