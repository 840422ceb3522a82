import type { CitationType, Confidence, PlanDocument, PlanSystem } from '../model';

/** How sure the registry is of a fact (the model's type: findings carry it, docs/registry.md). */
export type { Confidence };

/** A document that plans cite (server/data/documents.json). Dates are ISO `YYYY-MM-DD`. */
export interface RegistryDocument {
  /** The number as it is cited: `21-CT/TW`, `24/CT-TTg`, `74/2014/QH13`. */
  number: string;
  type: CitationType;
  /** The issuer's name as citations write it: `Ban Bí thư`, `Thủ tướng Chính phủ`. */
  issuer: string;
  /** Other accepted ways of naming the issuer in a citation. */
  issuerAliases?: string[];
  /** Date of issue. */
  date: string;
  /** The trích yếu, starting as citations continue it (`về …`, `quy định …`, `phê duyệt …`). */
  title: string;
  system: PlanSystem;
  /** Date it came into force, when different from `date`. */
  inForceFrom?: string;
  /** Number of the document that replaced it, and from when. */
  replacedBy?: string;
  replacedOn?: string;
  /** Date it ceased to apply without a successor (a programme whose period ended, a repeal). */
  expiredOn?: string;
  /** Number of the document that repealed it on `expiredOn`, when a repeal ended it. */
  repealedBy?: string;
  /** Numbers of documents that amended it. */
  amendedBy?: string[];
  confidence: Confidence;
  /** Confidence of the status facts (replacedBy, replacedOn, expiredOn) when it differs. */
  statusConfidence?: Confidence;
  /**
   * True when no source says whether it was replaced or repealed after its dates here (the
   * documents generated from the Bộ pháp điển): its status is then `unknown`, never `in force`.
   */
  statusUnknown?: boolean;
  sources: string[];
  note?: string;
  /** The document's own model, when it is a plan of the workspace: what the cascade checks read its tasks from. */
  plan?: PlanDocument;
}

export type AgencyLevel = 'central' | 'province' | 'district' | 'commune' | 'unit';

/** A body that plans name (server/data/agencies.json). */
export interface RegistryAgency {
  /** Stable id, kebab-case ASCII: `so-ldtbxh`, `bo-noi-vu`. */
  id: string;
  /** The official name, properly capitalised: `Sở Lao động - Thương binh và Xã hội`. */
  name: string;
  /** Accepted short forms and abbreviations: `Sở LĐ-TB&XH`, `Sở LĐTBXH`. */
  aliases: string[];
  level: AgencyLevel;
  system: PlanSystem | 'other';
  /** True for a kind of body that every province (or district) has; false for one named body. */
  generic: boolean;
  /** For a named body, its province (`Lai Châu`). */
  province?: string;
  validFrom?: string;
  /** First day on which it no longer exists. */
  validTo?: string;
  /** Where it went: successor ids, each with the function that moved there. */
  successors?: { id: string; function?: string }[];
  confidence: Confidence;
  sources: string[];
  note?: string;
}

/** A province or centrally-run city (server/data/provinces.json). */
export interface RegistryProvince {
  name: string;
  /** `tỉnh` or `thành phố`. */
  kind: 'tỉnh' | 'thành phố';
  validTo?: string;
  /** The province it joined on `validTo`. */
  mergedInto?: string;
  /** For the 34 provinces from 01/7/2025: the old provinces merged into it. */
  formedFrom?: string[];
  confidence: Confidence;
  sources: string[];
}
