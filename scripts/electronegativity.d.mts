export interface ElectronegativityFinding {
  check: string;
  file: string;
  line: number;
  column: number;
  severity: string;
  confidence: string;
  sample: string;
  description: string;
}
export interface Justification {
  check: string;
  file: string;
  reason: string;
}
export declare const ROOT: string;
export declare const JUSTIFIED_FILE: string;
export declare function validateJustified(list: unknown): Justification[];
export declare function compareFindings(
  findings: ElectronegativityFinding[],
  justified: Justification[],
): { unjustified: ElectronegativityFinding[]; stale: Justification[]; justifiedCount: number };
export declare function toFindings(issues: unknown[]): ElectronegativityFinding[];
export declare function scan(): Promise<{ findings: ElectronegativityFinding[]; electronVersion: string; errors: unknown[] }>;
