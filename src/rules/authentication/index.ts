import type { Rule } from '../../engine/types.js';
import authConsistency from './auth-consistency.js';
import authRequired from './auth-required.js';
import authSupported from './auth-supported.js';
import ipNoOauth from './ip-no-oauth.js';
import noSecrets from './no-secrets.js';
import oauthRedirect from './oauth-redirect.js';
import readmeOauthSteps from './readme-oauth-steps.js';
import securityRequirements from './security-requirements.js';

export const authenticationRules: Rule[] = [authSupported, authRequired, authConsistency, ipNoOauth, noSecrets, oauthRedirect, readmeOauthSteps, securityRequirements];
