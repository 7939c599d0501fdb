import { AMAS_CHECKLIST } from './amas.js';
import { AUTONOMOS_CHECKLIST } from './autonomos.js';
import type { ChecklistSection, GuideId, RuleId } from './types.js';

export const GUIDE_TITLES: Record<GuideId, string> = {
  AMAS: 'AMAS Security Hardening Guide',
  AutonomOS: 'AutonomOS Platform Security Hardening Guide',
};

/** Both guides' security checklists, in the guides' order and wording. */
export const CHECKLIST: readonly ChecklistSection[] = [...AMAS_CHECKLIST, ...AUTONOMOS_CHECKLIST];

/**
 * Rules no checklist line asks for: the guides require these in their body only.
 * Their findings are counted apart ("outside the checklists"), never dropped.
 */
export const OUTSIDE_CHECKLISTS: Partial<Record<RuleId, string>> = {
  'require-non-root-user': 'AMAS 7.1 asks for a non-root container user; neither checklist lists it.',
  'require-k8s-security-context': "AMAS 7.2's securityContext is in no checklist.",
  'no-debug-in-production': 'Neither checklist names debug mode.',
  'require-suppression-reason': 'Keeps suppressions auditable (strict only); no checklist line asks for reasons.',
};
