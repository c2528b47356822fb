import { campaignOwners, campaignRoles } from './campaign-execution.roles';
import type { BoardTemplate } from '../types';
import { campaignChecklists } from './campaign-execution.checklists';
import { campaignClosingChecklists } from './campaign-execution.closing';

/**
 * Campaign execution and supervision (research §1), from the articles in 001: 营销推广活动执行流程 (l.45–70),
 * 营销活动的执行与监控 (l.226) and 营销推广活动执行管理制度 (l.99–114). 001 has two superior reviews: the plan's
 * is the exit gate of 策划阶段 (l.103–104, budget by 公司领导层, l.265); the execution plan's is its own 上级审核
 * stage (l.105–106), as the issue orders "preparation, approval, execution". Over-budget spending (l.112) is
 * approved per expense, not per card, so it is a checklist item of 执行阶段. The budget is the card's budget
 * lines (人力, 物料, 宣传 … as 第十二条 lists them), not a 预算 field beside them: planning requires a line and a
 * target (l.51–53), 监控与评估 every target's actual (监测指标 目标达成率, l.278).
 */
export const campaignExecution: BoardTemplate = {
  id: 'campaign-execution',
  kind: 'builtin',
  name: { 'zh-CN': '营销推广活动执行与监督', en: 'Campaign execution and supervision' },
  description: {
    'zh-CN': '营销推广活动从策划、准备、上级审批、执行、监控评估到总结反馈的全过程管理。',
    en: 'Runs a marketing campaign through planning, preparation, sign-off by a superior, execution, monitoring and evaluation, and a closing summary.'
  },
  sources: [
    { doc: '001', where: '营销推广活动执行流程, l.45–70' },
    { doc: '001', where: '营销推广活动执行管理制度, l.99–114' },
    { doc: '001', where: '市场推广部市场推广活动和品牌宣传管理规章制度, l.150–155' },
    { doc: '001', where: '营销活动的执行与监控, l.214–231' },
    { doc: '001', where: '公司营销活动执行管理制度, l.255–275' },
    { doc: '001', where: '营销推广活动执行监测制度, l.276–302' },
    { doc: '001', where: '旺季营销专项监督方案, l.375–378' },
    { doc: '001', where: '市场营销部市场营销与品牌推广管理规章制度 第五章, l.124–126' },
    { doc: '002', where: 'SC-003 市场推广策划流程, l.7' }
  ],
  roles: campaignRoles,
  stages: [
    {
      key: 'planning',
      owner: campaignOwners.planning,
      name: { 'zh-CN': '策划阶段', en: 'Planning' },
      department: {
        'zh-CN': '活动策划人员（市场部门牵头）',
        en: 'Campaign planners (the market department leads)'
      },
      source: { doc: '001', where: '营销推广活动执行流程 一、策划阶段, l.48', quote: '一、策划阶段' },
      checklist: campaignChecklists.planning,
      requires: {
        budget: true,
        targets: true,
        source: {
          doc: '001',
          where: '营销推广活动执行流程 一、策划阶段 2.–3., l.51–53',
          quote: '设定明确的目标…可衡量…制定相应的推广预算'
        }
      },
      gate: {
        // In the order of 002 SC-003's chain 部门经理 → 技术总监 → 总经理, which 001's 上级 and 公司领导层 fit.
        approvers: [
          {
            title: { 'zh-CN': '上级审核人员', en: 'Reviewing superior' },
            level: 'manager',
            role: 'reviewer'
          },
          {
            title: { 'zh-CN': '技术总监', en: 'Technical director' },
            level: 'director',
            source: {
              doc: '002',
              where: 'SC-003 step 2, l.7',
              quote: '分别提交部门经理、技术总监和公司总经理审批',
              inferred:
                "001 names no technical director; he comes from 002 SC-003, whose promotion plan we read as this stage's plan."
            }
          },
          { title: { 'zh-CN': '公司领导层', en: 'Company leadership' }, level: 'general-manager' },
          {
            title: { 'zh-CN': '市场营销部主管领导', en: 'Head of the marketing department' },
            level: 'manager',
            when: { 'zh-CN': '修改或取消已批准的方案', en: 'an approved plan is changed or cancelled' },
            source: {
              doc: '001',
              where: '第五章 4.3, l.126',
              quote: '不得擅自修改或取消,需经过市场营销部主管领导的批准'
            }
          }
        ],
        source: {
          doc: '001',
          where: '三、活动策划阶段 2., l.104; 第十一条 (budget), l.265',
          quote: '经批准后方可进入下一阶段'
        },
        // The plan's approval (l.104) and the budget's by the leadership (l.265) are both needed.
        signing: {
          mode: 'all',
          source: { doc: '001', where: '第十一条, l.265', quote: '提前报告公司领导层并予以批准' }
        }
      }
    },
    {
      key: 'preparation',
      owner: campaignOwners.preparation,
      name: { 'zh-CN': '准备阶段', en: 'Preparation' },
      department: {
        'zh-CN': '营销推广活动执行者（市场部门）',
        en: 'Campaign executors (market department)'
      },
      source: { doc: '001', where: '营销推广活动执行流程 二、准备阶段, l.57', quote: '二、准备阶段' },
      checklist: campaignChecklists.preparation
    },
    {
      key: 'approval',
      owner: campaignOwners.approval,
      name: { 'zh-CN': '上级审核', en: 'Superior review' },
      department: { 'zh-CN': '上级审核人员', en: 'Reviewing superior' },
      source: { doc: '001', where: '四、活动执行阶段 1.–2., l.105–106', quote: '报备上级审核' },
      checklist: campaignChecklists.approval,
      gate: {
        approvers: [
          { title: { 'zh-CN': '上级审核人员', en: 'Reviewing superior' }, level: 'manager', role: 'reviewer' }
        ],
        source: {
          doc: '001',
          where: '四、活动执行阶段 2., l.106',
          quote: '做出批准决议后,执行者可按计划进行活动执行'
        }
      },
      sendBackTo: {
        stage: 'preparation',
        source: {
          doc: '001',
          where: '四、活动执行阶段 1.–2., l.105–106',
          quote: '上级审核人员对执行计划进行评估',
          inferred:
            '001 says the superior evaluates the execution plan and execution starts once approved; that a plan not approved is reworked in preparation is our reading.'
        }
      }
    },
    {
      key: 'execution',
      owner: campaignOwners.execution,
      name: { 'zh-CN': '执行阶段', en: 'Execution' },
      department: {
        'zh-CN': '活动执行者；市场部门组织、协调和监督',
        en: 'Campaign executors; the market department organises, coordinates and supervises'
      },
      source: { doc: '001', where: '营销推广活动执行流程 三、执行阶段, l.66', quote: '三、执行阶段' },
      checklist: campaignChecklists.execution,
      // A change or cancellation goes back through the planning gate, where the head of marketing signs it.
      sendBackTo: {
        stage: 'planning',
        source: {
          doc: '001',
          where: '第五章 4.3, l.126',
          quote: '不得擅自修改或取消,需经过市场营销部主管领导的批准',
          inferred:
            '001 says a plan may not be changed or cancelled without the head of marketing; that the card returns to planning for it is our reading.'
        }
      }
    },
    {
      key: 'monitoring',
      owner: campaignOwners.monitoring,
      name: { 'zh-CN': '监控与评估', en: 'Monitoring and evaluation' },
      department: {
        'zh-CN': '上级管理人员；执行者提供数据和报告',
        en: 'Supervising managers; executors supply data and reports'
      },
      source: {
        doc: '001',
        where: '营销活动的执行与监控 三、监控与评估阶段, l.226',
        quote: '三、监控与评估阶段'
      },
      checklist: campaignClosingChecklists.monitoring,
      requires: {
        actuals: true,
        source: {
          doc: '001',
          where: '营销推广活动执行监测制度 监测指标 1.–2., l.278–279',
          quote: '目标达成率:对于每个活动设定明确的目标,并定期监测活动的目标达成情况'
        }
      },
      sendBackTo: {
        stage: 'execution',
        source: {
          doc: '001',
          where: '五、活动监督与评估 3., l.111',
          quote: '并引导活动执行者进行改进',
          inferred:
            '001 has the managers propose improvements from the monitoring results; that the card returns to execution for them is our reading.'
        }
      }
    },
    {
      key: 'summary',
      owner: campaignOwners.summary,
      name: { 'zh-CN': '总结与反馈', en: 'Summary and feedback' },
      department: { 'zh-CN': '活动执行者；市场部门', en: 'Campaign executors; market department' },
      source: {
        doc: '001',
        where: '营销推广活动执行管理制度 七、活动总结与反馈, l.114',
        quote: '七、活动总结与反馈'
      },
      checklist: campaignClosingChecklists.summary
    }
  ],
  // Paused: the weekly review belongs to peak season, which a team resumes when its season starts.
  recurring: [
    {
      title: { 'zh-CN': '旺季营销周会', en: 'Peak-season weekly review' },
      stage: 'monitoring',
      every: { kind: 'weekly', weekday: 1 },
      nonWorking: 'after',
      leadDays: 0,
      paused: true,
      source: { doc: '001', where: '旺季营销专项监督方案 §5, l.378', quote: '每周召开一次会议' }
    }
  ]
};
