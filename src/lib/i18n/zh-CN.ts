import { zhCNAccount } from './zh-CN.account';
import { zhCNMail } from './zh-CN.mail';
import { zhCNTransfer } from './zh-CN.transfer';
import { zhCNImport } from './zh-CN.import';
import { zhCNManage } from './zh-CN.manage';
import { zhCNInsights } from './zh-CN.insights';
import { zhCNApp } from './zh-CN.app';
import { zhCNBoards } from './zh-CN.boards';
import { zhCNBoard } from './zh-CN.board';
import { zhCNStage } from './zh-CN.stage';
import { zhCNFace } from './zh-CN.face';
import { zhCNCard } from './zh-CN.card';
import { zhCNDrafts } from './zh-CN.drafts';
import { zhCNKeys } from './zh-CN.keys';
import { zhCNAuth } from './zh-CN.auth';
import { zhCNMembers } from './zh-CN.members';
import { zhCNNotify } from './zh-CN.notify';
import { zhCNSign } from './zh-CN.sign';
import { zhCNPlans } from './zh-CN.plans';
import { zhCNFields } from './zh-CN.fields';
import { zhCNResults } from './zh-CN.results';
import { zhCNMoney } from './zh-CN.money';
import { zhCNReport } from './zh-CN.report';
import { zhCNOutbound } from './zh-CN.outbound';

/**
 * Simplified Chinese: the reference catalogue; every other language must have the same keys. Each
 * area of the app keeps its messages in a file of its own, zh-CN.<area>.ts, merged here.
 */
export const zhCN = {
  ...zhCNApp,
  ...zhCNBoards,
  ...zhCNBoard,
  ...zhCNStage,
  ...zhCNFace,
  ...zhCNCard,
  ...zhCNDrafts,
  ...zhCNKeys,
  ...zhCNAuth,
  ...zhCNMembers,
  ...zhCNNotify,
  ...zhCNSign,
  ...zhCNPlans,
  ...zhCNFields,
  ...zhCNMoney,
  ...zhCNResults,
  ...zhCNInsights,
  ...zhCNReport,
  ...zhCNManage,
  ...zhCNAccount,
  ...zhCNTransfer,
  ...zhCNMail,
  ...zhCNOutbound,
  ...zhCNImport
} as const;

export type MessageKey = keyof typeof zhCN;
