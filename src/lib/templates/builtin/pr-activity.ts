import type { BoardTemplate } from '../types';
import { SC007_GENERAL_MANAGER, SC007_RUN } from './sc007';

/**
 * PR activity (research §8). 000 keeps only the title 公关活动策划流程 (l.80), so the stages are built from
 * 000's 文件(方案)流程 / 工作流程 (l.222–256) and 003 §3.3 公关活动管理办法 (l.327–349, quotes converted to
 * simplified Chinese), with 004 l.227–229 for the plan's contents. The plan cannot leave planning before
 * 营销总监 and 总经理 sign it; when leadership's view changes later, the card returns to planning for re-approval.
 */
export const prActivity: BoardTemplate = {
  id: 'pr-activity',
  kind: 'builtin',
  name: { 'zh-CN': '公关活动', en: 'PR activity' },
  description: {
    'zh-CN':
      '公关活动策划方案经营销总监和总经理审定后，分权、责权到人，按媒介战略实施并严格把关信息质量，结束后搜集效果、评估总结并向领导汇报。',
    en: 'The PR plan is approved by the marketing director and the general manager; responsibility is assigned to named people, the plan runs to the media strategy with strict quality control of every message, and results are then collected, evaluated and reported to leadership.'
  },
  sources: [
    { doc: '000', where: '八、公关活动策划流程 (title only), l.80' },
    { doc: '000', where: '(二)文件(方案)流程 and (三)工作流程, l.222–256' },
    { doc: '003', where: '§3.3 公关活动管理办法, l.327–349' },
    { doc: '004', where: '品牌部 品牌传播方案, l.225–229' },
    { doc: '004', where: '品牌部 新闻传播管理, l.231–239' },
    { doc: '002', where: 'SC-007 市场活动策划流程, l.11' }
  ],
  stages: [
    {
      key: 'planning',
      name: { 'zh-CN': '公关活动策划', en: 'PR planning' },
      department: { 'zh-CN': '营销策划部', en: 'Marketing planning department' },
      source: {
        doc: '000',
        where: '八、公关活动策划流程, l.80',
        quote: '公关活动策划流程',
        inferred:
          "000 keeps only this flow's title; the stage is built from 000's general plan flow (l.222–256) and 004's brand plan (l.225–229)."
      },
      checklist: [
        {
          text: {
            'zh-CN': '根据公司领导的批示制定推广计划',
            en: "Draft the plan following the company leadership's instructions"
          },
          source: {
            doc: '000',
            where: '(二)文件(方案)流程, l.223–224',
            quote: '公司领导的批示,制定营销推广计划'
          }
        },
        {
          text: { 'zh-CN': '确定传播主题和具体策略', en: 'Set the communication theme and strategy' },
          source: { doc: '004', where: '品牌传播方案, l.229', quote: '1)品牌传播主题;2)品牌传播具体策略' }
        },
        {
          text: {
            'zh-CN': '确定公关活动类型（如传播宣传型、防御型、进攻型、矫正型）',
            en: 'Choose the type of PR activity (e.g. publicity, defensive, offensive, corrective)'
          },
          source: {
            doc: '003',
            where: '§3.3 5), l.339–349',
            quote: '公关策划实施要注意不同类型的公关活动特点'
          }
        },
        {
          text: { 'zh-CN': '确定媒介战略', en: 'Set the media strategy' },
          source: { doc: '003', where: '§3.3 4), l.337', quote: '要严格按照媒介战略的要求执行' }
        },
        {
          text: {
            'zh-CN': '写明具体要求和各项目实施的详细安排',
            en: 'Write down the requirements and detailed arrangements for each item'
          },
          source: {
            doc: '003',
            where: '§3.3 1), l.331',
            quote: '公关策划的具体要求、方案中对各项目实施的详细安排'
          }
        },
        {
          text: { 'zh-CN': '写明效果预测和预算方案', en: 'Include the expected effect and the budget' },
          source: { doc: '004', where: '品牌传播方案, l.229', quote: '4)品牌传播效果预测;5)品牌传播预算方案' }
        },
        {
          text: {
            'zh-CN': '年度品牌传播方案须在每年12月15日前确定',
            en: "The next year's brand communication plan is fixed by 15 December"
          },
          source: {
            doc: '004',
            where: '品牌传播方案 2、, l.225',
            quote: '在每年12月15日前确定下一个年度的品牌整合传播方案'
          }
        },
        {
          text: { 'zh-CN': '提交最后执行方案', en: 'Submit the final execution plan' },
          source: { doc: '000', where: '(三)工作流程, l.254', quote: '提交最后执行方案' }
        }
      ],
      // 000's general flow has both sign every final plan; 002 SC-007, the one document that tells kinds
      // of activity apart, has the general manager sign special ones and the product marketing manager
      // routine ones. The director stays from 000; the split comes from 002 (see docs/templates.md).
      gate: {
        approvers: [
          {
            title: { 'zh-CN': '营销总监', en: 'Marketing director' },
            level: 'director',
            source: {
              doc: '000',
              where: '(三)工作流程, l.254–255',
              quote: '由营销总监和总经理审定',
              inferred:
                "000's general flow names him for every final marketing plan, not for PR in particular; 002 SC-007 does not name him."
            }
          },
          {
            ...SC007_GENERAL_MANAGER,
            title: { 'zh-CN': '总经理', en: 'General manager' }
          },
          {
            title: { 'zh-CN': '产品市场部经理', en: 'Product marketing manager' },
            level: 'manager',
            when: { 'zh-CN': '常规的市场活动', en: 'a routine marketing activity' },
            source: {
              doc: '002',
              where: 'SC-007 step 1, l.11',
              quote: '常规的市场活动由产品市场部经理批准即可'
            }
          }
        ],
        source: {
          doc: '000',
          where: '(三)工作流程, l.254–255',
          quote: '提交最后执行方案,由营销总监和总经理审定'
        },
        signing: {
          mode: 'all',
          source: { doc: '000', where: '(三)工作流程, l.254–255', quote: '由营销总监和总经理审定' }
        }
      }
    },
    {
      key: 'assign',
      name: { 'zh-CN': '分权、责权到人', en: 'Assign responsibility' },
      source: {
        doc: '003',
        where: '§3.3 1), l.329',
        quote: '要实行分权,保证责权到人',
        inferred:
          '003 states this as a rule for carrying out a PR plan; making it a step of its own is our reading.'
      },
      checklist: [
        {
          text: {
            'zh-CN': '分权，保证责权到人、相互配合',
            en: 'Split the work so each part has a named owner'
          },
          source: { doc: '003', where: '§3.3 1), l.329', quote: '保证责权到人、相互配合、共同完成' }
        },
        {
          text: {
            'zh-CN': '把具体要求和详细安排交给参与实施的人员',
            en: 'Hand the requirements and arrangements to everyone involved'
          },
          source: { doc: '003', where: '§3.3 1), l.331', quote: '都交给参与实施工作的人员' }
        },
        {
          text: { 'zh-CN': '让大家明确目标、任务与职责', en: 'Make goals, tasks and duties clear to all' },
          source: { doc: '003', where: '§3.3 1), l.331', quote: '让大家明确目标、任务与职责' }
        },
        {
          text: {
            'zh-CN': '与相关部门、机构沟通，制定具体执行计划',
            en: 'Agree a detailed execution plan with the departments and agencies involved'
          },
          source: { doc: '000', where: '(二)文件(方案)流程, l.233', quote: '与相关部门、机构沟通' }
        }
      ],
      sendBackTo: {
        stage: 'planning',
        source: {
          doc: '000',
          where: '(二)文件(方案)流程, l.231, l.235; (三)工作流程, l.237–241',
          quote: '依据领导意见进行调整'
        }
      }
    },
    {
      key: 'implementation',
      name: { 'zh-CN': '公关策划实施', en: 'Implementation' },
      department: {
        'zh-CN': '广告部、策划部、广告公司',
        en: 'Advertising and planning departments; ad agency'
      },
      source: { doc: '003', where: '§3.3 1)–4), l.329–337', quote: '对公关策划实施的管理' },
      checklist: [
        {
          text: { 'zh-CN': '行为与传播相互配合', en: 'Keep actions in line with the messaging' },
          source: { doc: '003', where: '§3.3 2), l.333', quote: '注意行为和传播的配合' }
        },
        {
          text: {
            'zh-CN': '排除临时出现的、有碍实施的组织行为',
            en: 'Remove obstacles that come up during implementation'
          },
          source: { doc: '003', where: '§3.3 2), l.333', quote: '有碍公关策划实施的一些组织行为' }
        },
        {
          text: {
            'zh-CN': '控制信息制作质量，严格把关、反复推敲',
            en: 'Check the quality of every message; revise until it is right'
          },
          source: { doc: '003', where: '§3.3 3), l.335', quote: '对各种信息制作的质量进行控制,严格把关' }
        },
        {
          text: { 'zh-CN': '严格按照媒介战略购买媒介传播', en: 'Buy media strictly to the media strategy' },
          source: {
            doc: '003',
            where: '§3.3 4), l.337',
            quote: '对各种媒介传播的购买,要严格按照媒介战略的要求执行'
          }
        },
        {
          text: { 'zh-CN': '物料、媒体的衔接与排布', en: 'Schedule materials and media together' },
          source: { doc: '000', where: '(三)工作流程, l.256', quote: '物料、媒体、的衔接与排布' }
        },
        {
          text: { 'zh-CN': '跟进执行', en: 'Follow up the execution' },
          source: { doc: '000', where: '(二)文件(方案)流程, l.233', quote: '并跟进执行' }
        },
        ...SC007_RUN
      ]
    },
    {
      key: 'evaluation',
      name: { 'zh-CN': '效果评估与总结', en: 'Evaluate, summarise and report' },
      department: { 'zh-CN': '市场部、销售部', en: 'Market and sales departments' },
      source: { doc: '000', where: '(二)文件(方案)流程, l.225–226', quote: '评估、总结,向领导汇报' },
      checklist: [
        {
          text: { 'zh-CN': '搜集方案实施后的效果', en: 'Collect the results of the activity' },
          source: { doc: '000', where: '(二)文件(方案)流程, l.225', quote: '有关具体方案实施后的效果搜' }
        },
        {
          text: { 'zh-CN': '分析营销结果与市场反馈信息', en: 'Analyse the results and market feedback' },
          source: { doc: '000', where: '(二)文件(方案)流程, l.229–230', quote: '营销结果与市场反馈信息分析' }
        },
        {
          text: { 'zh-CN': '评估、总结', en: 'Evaluate and write the summary' },
          source: { doc: '000', where: '(二)文件(方案)流程, l.226', quote: '评估、总结' }
        },
        {
          text: { 'zh-CN': '向领导汇报', en: 'Report to leadership' },
          source: { doc: '000', where: '(二)文件(方案)流程, l.226', quote: '向领导汇报' }
        },
        {
          text: { 'zh-CN': '每月总结汇总新闻传播情况', en: 'Summarise news coverage every month' },
          source: { doc: '004', where: '新闻传播管理 4、, l.239', quote: '每月对各品牌新闻传播进行总结汇总' }
        }
      ]
    }
  ]
};
