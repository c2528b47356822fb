import type { BoardTemplate } from '../types';
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
    { doc: '003', where: '§2.1.4 会务专员, l.143–161' }
  ],
  dateLabel: { 'zh-CN': '会议日期', en: 'Event date' },
  fields: [BUDGET_EVENT],
  stages: [
    {
      key: 'plan',
      name: { 'zh-CN': '营销会议方案确定、细化', en: 'Confirm and detail the meeting plan' },
      department: {
        'zh-CN': '会务专员；市场策划专员',
        en: 'Conference specialist; marketing planning specialist'
      },
      source: { doc: '003', where: '§2.2.4, l.241', quote: '营销会议方案确定、细化' },
      checklist: [
        {
          text: { 'zh-CN': '编写项目策划书', en: 'Write the project brief' },
          source: { doc: '003', where: '§2.2.4 1), l.223', quote: '项目筹划——项目策划书' }
        },
        {
          text: { 'zh-CN': '确定活动的主题和目的', en: 'Set the theme and purpose of the event' },
          source: { doc: '003', where: '§3.5 1), l.399', quote: '确定活动的主题和目的' }
        },
        {
          text: {
            'zh-CN': '撰写活动策划案（市场分析、目的、主题、实施方式、效果预估、预算）',
            en: 'Write the event plan (market analysis, purpose, theme, format, expected results, budget)'
          },
          source: {
            doc: '003',
            where: '§3.5 2), l.401',
            quote: '活动策划案包括市场分析、活动目的、活动主题、活动实施方式、活动效果预估、活动预算等'
          }
        },
        {
          text: { 'zh-CN': '编制经费预算', en: 'Draw up the budget' },
          source: { doc: '003', where: '§2.2.4 经费管理, l.227', quote: '经费管理:经费预算、经费支出' }
        }
      ]
    },
    {
      key: 'approval',
      name: { 'zh-CN': '审批、确定', en: 'Approval' },
      department: { 'zh-CN': '领导（市场部经理）', en: 'Leader (market department manager)' },
      source: { doc: '003', where: '§2.2.4, l.241', quote: '审批、确定' },
      checklist: [
        {
          text: { 'zh-CN': '讨论活动策划案', en: 'Discuss the event plan' },
          source: { doc: '003', where: '§3.5 3), l.403', quote: '活动策划案经讨论与领导审批通过后方可执行' }
        },
        {
          text: { 'zh-CN': '领导审批通过，确定方案', en: 'The leader approves and the plan is fixed' },
          source: { doc: '003', where: '§2.2.4, l.241', quote: '审批、确定' }
        }
      ],
      // 003 names only 领导; the 会务专员's direct superior is the market department manager (l.145).
      gate: {
        approvers: [
          {
            title: { 'zh-CN': '领导（市场部经理）', en: 'Leader (market department manager)' },
            level: 'manager'
          }
        ],
        source: { doc: '003', where: '§3.5 3), l.403', quote: '经讨论与领导审批通过后方可执行' }
      },
      sendBackTo: {
        stage: 'plan',
        source: { doc: '003', where: '§3.5 3), l.403', quote: '审批通过后方可执行' }
      }
    },
    {
      key: 'kickoff',
      name: { 'zh-CN': '会务组工作会议', en: 'Team kickoff meeting' },
      department: { 'zh-CN': '会务组', en: 'Conference team' },
      source: { doc: '003', where: '§2.2.4, l.241', quote: '会务组工作会议' },
      checklist: [
        {
          text: { 'zh-CN': '召开介绍会', en: 'Hold the team introduction meeting' },
          source: { doc: '003', where: '§2.2.4 项目团队的管理, l.233', quote: '项目团队的管理:介绍会' }
        },
        {
          text: { 'zh-CN': '协调会务相关的前期准备工作', en: 'Coordinate the early preparation work' },
          source: { doc: '003', where: '§2.1.4 2), l.149', quote: '协调与会务相关的前期准备工作' }
        }
      ]
    },
    {
      key: 'action-plan',
      name: { 'zh-CN': '发布行动计划', en: 'Publish the action plan' },
      department: { 'zh-CN': '会务组', en: 'Conference team' },
      source: { doc: '003', where: '§2.2.4, l.241', quote: '发布行动计划' },
      checklist: [
        {
          text: { 'zh-CN': '制定项目执行进度表', en: 'Make the project schedule' },
          source: { doc: '003', where: '§3.5 5), l.407', quote: '制定项目执行进度表' }
        },
        {
          text: { 'zh-CN': '制定活动实施细则', en: 'Write the implementation rules' },
          source: { doc: '003', where: '§3.5 4), l.405', quote: '制定活动实施细则' }
        },
        {
          text: {
            'zh-CN': '根据活动大小制定行动传播策略',
            en: 'Set a communication plan to suit the size of the event'
          },
          source: { doc: '003', where: '§3.5 7), l.411', quote: '根据活动类型的大小制定相应的行动传播策略' }
        }
      ]
    },
    {
      key: 'assign-tasks',
      name: { 'zh-CN': '分配任务', en: 'Assign tasks' },
      department: { 'zh-CN': '会务组', en: 'Conference team' },
      source: { doc: '003', where: '§2.2.4, l.241', quote: '分配任务' },
      checklist: [
        {
          text: { 'zh-CN': '活动项目分工，保证责任到人', en: 'Split the work so every item has an owner' },
          source: { doc: '003', where: '§3.5 4), l.405', quote: '进行活动项目分工,保证责任到人' }
        },
        {
          text: {
            'zh-CN': '明确各环节执行负责人与执行总监',
            en: 'Name the lead for each part and the executive director'
          },
          source: { doc: '003', where: '§3.5 6), l.409', quote: '各环节的执行负责人与执行总监' }
        }
      ]
    },
    {
      key: 'pre-event',
      name: { 'zh-CN': '会前准备', en: 'Pre-event preparation' },
      department: { 'zh-CN': '会务专员', en: 'Conference specialist' },
      source: { doc: '003', where: '§2.2.4, l.243', quote: '会前准备' },
      checklist: [
        {
          text: { 'zh-CN': '场地已选择、预定、布置', en: 'Venue chosen, booked and set up' },
          source: { doc: '003', where: '§2.2.4 场地管理, l.231', quote: '场地管理:选择、预定、布置' }
        },
        {
          text: { 'zh-CN': '交通、运输已安排', en: 'Transport and shipping arranged' },
          source: { doc: '003', where: '§2.1.4 3), l.151', quote: '负责联络安排场地、交通、运输、制作等工作' }
        },
        {
          text: { 'zh-CN': '物料制作完成', en: 'Materials produced' },
          source: { doc: '003', where: '§2.1.4 3), l.151', quote: '交通、运输、制作等工作' }
        },
        {
          text: { 'zh-CN': '已联系客户和来访嘉宾', en: 'Guests and clients contacted' },
          source: { doc: '003', where: '§2.1.4 6), l.157', quote: '负责产品推广会议及商务会议的客户联系' }
        },
        {
          text: { 'zh-CN': '临时人员已培训', en: 'Temporary staff trained' },
          source: { doc: '003', where: '§2.1.4 4), l.153', quote: '培训和管理项目所需的临时人力' }
        },
        {
          text: { 'zh-CN': '媒体宣传：广告、新闻发布', en: 'Media: ads and press release' },
          source: { doc: '003', where: '§2.2.4 媒体宣传, l.235', quote: '媒体宣传:广告、新闻发布' }
        },
        {
          text: { 'zh-CN': '现场彩排、演练完成', en: 'On-site rehearsal done' },
          source: { doc: '003', where: '§3.5 6), l.409', quote: '活动开始前进行现场彩排、演练' }
        },
        {
          text: {
            'zh-CN': '现场检查，再次明确活动执行细则',
            en: 'Site checked and the run-sheet re-briefed'
          },
          source: { doc: '003', where: '§3.5 6), l.409', quote: '需要进行现场检查、再次明确活动执行细则' }
        }
      ]
    },
    {
      key: 'on-site',
      name: { 'zh-CN': '会中', en: 'On-site' },
      department: {
        'zh-CN': '会务专员；执行总监及各环节执行负责人；新闻网络部',
        en: 'Conference specialist; executive director and part leads; news and web team'
      },
      source: { doc: '003', where: '§2.2.4, l.243', quote: '会中' },
      checklist: [
        {
          text: { 'zh-CN': '按细则和流程现场执行', en: 'Run the event to the rules and run-sheet' },
          source: {
            doc: '003',
            where: '§3.5 6), l.409',
            quote: '活动现场执行部分,需制定细则,制定活动的整个流程'
          }
        },
        {
          text: {
            'zh-CN': '各环节负责人与执行总监保持沟通',
            en: 'Part leads stay in touch with the executive director'
          },
          source: { doc: '003', where: '§3.5 6), l.409', quote: '各环节的执行负责人与执行总监保持沟通顺畅' }
        },
        {
          text: {
            'zh-CN': '监督检查各环节，灵活应对突发事件',
            en: 'Supervise each part and handle incidents'
          },
          source: { doc: '003', where: '§3.5 6), l.409', quote: '对各个环节进行监督与检查,灵活应对突发事件' }
        },
        {
          text: { 'zh-CN': '收集到访客户信息', en: 'Collect visitor information' },
          source: { doc: '003', where: '§2.1.4 5), l.155', quote: '负责相关到访客户信息的收集' }
        },
        {
          text: {
            'zh-CN': '向来访嘉宾介绍公司的产品和服务',
            en: "Present the company's products and services to guests"
          },
          source: {
            doc: '003',
            where: '§2.1.4 7), l.159',
            quote: '负责向会议来访嘉宾宣传介绍公司的产品和服务'
          }
        },
        {
          text: { 'zh-CN': '商务会议司仪', en: 'MC the business meeting' },
          source: { doc: '003', where: '§2.1.4 8), l.161', quote: '商务会议的司仪' }
        },
        {
          text: { 'zh-CN': '拍照、摄像', en: 'Photos and video' },
          source: { doc: '003', where: '§2.1.5 6), l.179', quote: '公司内部重大会议、商务活动的拍照、摄像' }
        }
      ],
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
      name: { 'zh-CN': '会后', en: 'Post-event evaluation' },
      department: { 'zh-CN': '会务专员；市场部', en: 'Conference specialist; market department' },
      source: { doc: '003', where: '§2.2.4, l.243', quote: '会后' },
      checklist: [
        {
          text: { 'zh-CN': '确定评估途径', en: 'Choose how to evaluate' },
          source: { doc: '003', where: '§2.2.4 3), l.239', quote: '项目评估:评估途径' }
        },
        {
          text: { 'zh-CN': '对活动效果进行评估总结', en: 'Evaluate and summarise the results' },
          source: { doc: '003', where: '§3.5 8), l.413', quote: '活动结束后,对活动效果进行评估总结' }
        },
        {
          text: { 'zh-CN': '撰写评估报告', en: 'Write the evaluation report' },
          source: { doc: '003', where: '§2.2.4 3), l.239', quote: '撰写评估报告' }
        },
        {
          text: { 'zh-CN': '及时撰写并发布网站新闻', en: 'Write and publish the website news promptly' },
          source: { doc: '003', where: '§2.1.5 6), l.179', quote: '网站新闻的及时撰写及发布' }
        }
      ]
    }
  ]
};
