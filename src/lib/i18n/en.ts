import { enAccount } from './en.account';
import { enMail } from './en.mail';
import { enTransfer } from './en.transfer';
import { enImport } from './en.import';
import { enManage } from './en.manage';
import { enInsights } from './en.insights';
import type { MessageKey } from './zh-CN';
import { enApp } from './en.app';
import { enBoards } from './en.boards';
import { enBoard } from './en.board';
import { enStage } from './en.stage';
import { enFace } from './en.face';
import { enCard } from './en.card';
import { enDrafts } from './en.drafts';
import { enKeys } from './en.keys';
import { enAuth } from './en.auth';
import { enMembers } from './en.members';
import { enNotify } from './en.notify';
import { enSign } from './en.sign';
import { enPlans } from './en.plans';
import { enFields } from './en.fields';
import { enResults } from './en.results';
import { enMoney } from './en.money';
import { enReport } from './en.report';
import { enOutbound } from './en.outbound';

/**
 * English catalogue; typed against the Chinese one so a missing key fails `npm run check`. Each
 * area's messages are in en.<area>.ts, typed against its Chinese file and merged here.
 */
export const en: Record<MessageKey, string> = {
  ...enApp,
  ...enBoards,
  ...enBoard,
  ...enStage,
  ...enFace,
  ...enCard,
  ...enDrafts,
  ...enKeys,
  ...enAuth,
  ...enMembers,
  ...enNotify,
  ...enSign,
  ...enPlans,
  ...enFields,
  ...enMoney,
  ...enResults,
  ...enInsights,
  ...enReport,
  ...enManage,
  ...enAccount,
  ...enTransfer,
  ...enMail,
  ...enOutbound,
  ...enImport
};
