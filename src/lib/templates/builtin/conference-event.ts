import { conferenceOwners, conferenceRoles } from './conference-event.roles';
import type { BoardTemplate } from '../types';
import { conferenceChecklists } from './conference-event.checklists';
import { SC007_GENERAL_MANAGER } from './sc007';
import { BUDGET_EVENT } from './fields';

/**
 * Event and conference planning (research §3): one stage per step of 003 §2.2.4's arrow chain (l.241–243),
 * with 审批、确定 as its own gated stage as the issue lists it. Checklists come from §2.2.4 (l.223–239), §3.5
 * 会议活动管理 (l.397–413) and the 会务专员 duties (§2.1.4, l.143–161); quotes are converted to simplified Chinese.
 * Venue, transport, materials and guests sit in 会前准备 by inference (they are 会务专员 duties in the document).
 */
export const conferenceEvent: BoardTemplate = {
  id: 'conference-event',
  kind: 'builtin',
  name: { 'zh-CN': '会务', en: 'Event and conference planning' },
  description: {
    'zh-CN':
      '会议/活动从方案确定、领导审批、会务组工作会议、行动计划与任务分配，到会前准备（场地、交通、物料、嘉宾、彩排）、会中执行和会后评估。',
    en: 'Runs a conference or event through plan, approval, team kickoff, action plan and task assignment, pre-event preparation (venue, transport, materials, guests, rehearsal), on-site execution and post-event evaluation.'
  },
  sources: [
    { doc: '003', where: '§2.2.4 会务流程, l.221–243' },
    { doc: '003', where: '§3.5 会议活动管理, l.397–413' },
    { doc: '003', where: '§2.1.4 会务专员, l.143–161' },
    { doc: '002', where: 'SC-007 市场活动策划流程, l.11' }
  ],
  dateLabel: { 'zh-CN': '会议日期', en: 'Event date' },
  roles: conferenceRoles,
  fields: [BUDGET_EVENT],
  stages: [
    {
      key: 'plan',
      owner: conferenceOwners.plan,
      name: { 'zh-CN': '营销会议方案确定、细化', en: 'Confirm and detail the meeting plan' },
      department: {
        'zh-CN': '会务专员；市场策划专员',
        en: 'Conference specialist; marketing planning specialist'
      },
      source: { doc: '003', where: '§2.2.4, l.241', quote: '营销会议方案确定、细化' },
      checklist: conferenceChecklists.plan
    },
    {
      key: 'approval',
      owner: conferenceOwners.approval,
      name: { 'zh-CN': '审批、确定', en: 'Approval' },
      department: { 'zh-CN': '领导（市场部经理）', en: 'Leader (market department manager)' },
      source: { doc: '003', where: '§2.2.4, l.241', quote: '审批、确定' },
      checklist: conferenceChecklists.approval,
      gate: {
        approvers: [
          {
            title: { 'zh-CN': '领导（市场部经理）', en: 'Leader (market department manager)' },
            level: 'manager',
            role: 'leader',
            source: {
              doc: '003',
              where: '§2.1.4 会务专员, l.145',
              quote: '直接上级:市场部经理',
              inferred:
                "003 l.403 names only 领导; the conference specialist's direct superior in 003 is the market department manager, so we name them."
            }
          },
          SC007_GENERAL_MANAGER
        ],
        source: { doc: '003', where: '§3.5 3), l.403', quote: '经讨论与领导审批通过后方可执行' }
      },
      sendBackTo: {
        stage: 'plan',
        source: {
          doc: '003',
          where: '§3.5 3), l.403',
          quote: '审批通过后方可执行',
          inferred:
            '003 says the plan is carried out only once the leader approves it; that a plan not approved goes back to planning is our reading.'
        }
      }
    },
    {
      key: 'kickoff',
      owner: conferenceOwners.kickoff,
      name: { 'zh-CN': '会务组工作会议', en: 'Team kickoff meeting' },
      department: { 'zh-CN': '会务组', en: 'Conference team' },
      source: { doc: '003', where: '§2.2.4, l.241', quote: '会务组工作会议' },
      checklist: conferenceChecklists.kickoff
    },
    {
      key: 'action-plan',
      owner: conferenceOwners['action-plan'],
      name: { 'zh-CN': '发布行动计划', en: 'Publish the action plan' },
      department: { 'zh-CN': '会务组', en: 'Conference team' },
      source: { doc: '003', where: '§2.2.4, l.241', quote: '发布行动计划' },
      checklist: conferenceChecklists['action-plan']
    },
    {
      key: 'assign-tasks',
      owner: conferenceOwners['assign-tasks'],
      name: { 'zh-CN': '分配任务', en: 'Assign tasks' },
      department: { 'zh-CN': '会务组', en: 'Conference team' },
      source: { doc: '003', where: '§2.2.4, l.241', quote: '分配任务' },
      checklist: conferenceChecklists['assign-tasks']
    },
    {
      key: 'pre-event',
      owner: conferenceOwners['pre-event'],
      name: { 'zh-CN': '会前准备', en: 'Pre-event preparation' },
      department: { 'zh-CN': '会务专员', en: 'Conference specialist' },
      source: { doc: '003', where: '§2.2.4, l.243', quote: '会前准备' },
      checklist: conferenceChecklists['pre-event']
    },
    {
      key: 'on-site',
      owner: conferenceOwners['on-site'],
      name: { 'zh-CN': '会中', en: 'On-site' },
      department: {
        'zh-CN': '会务专员；执行总监及各环节执行负责人；新闻网络部',
        en: 'Conference specialist; executive director and part leads; news and web team'
      },
      source: { doc: '003', where: '§2.2.4, l.243', quote: '会中' },
      checklist: conferenceChecklists['on-site'],
      wipLimit: {
        limit: 1,
        why: {
          'zh-CN': '我们的建议，文件未规定：一个会务组同一时间只能现场执行一场活动。',
          en: 'Our suggestion; no document sets it. One conference team can run only one live event at a time.'
        }
      }
    },
    {
      key: 'post-event',
      owner: conferenceOwners['post-event'],
      name: { 'zh-CN': '会后', en: 'Post-event evaluation' },
      department: { 'zh-CN': '会务专员；市场部', en: 'Conference specialist; market department' },
      source: { doc: '003', where: '§2.2.4, l.243', quote: '会后' },
      checklist: conferenceChecklists['post-event']
    }
  ]
};
