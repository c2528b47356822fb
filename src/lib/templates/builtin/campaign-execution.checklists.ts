import type { TemplateChecklistItem } from '../types';

/**
 * The checklists of campaign-execution.ts, by stage key, each item with the lines of 001 it comes
 * from. They are most of the template, so they live apart from its stages: the process itself
 * (stages, departments, gates, send-backs) then reads on one screen.
 */
export const campaignChecklists = {
  planning: [
    {
      text: { 'zh-CN': '确定目标群体', en: 'Define the target group' },
      source: { doc: '001', where: '一、策划阶段 1., l.49', quote: '1. 确定目标群体' }
    },
    {
      text: { 'zh-CN': '设定具体、可衡量的目标', en: 'Set specific, measurable goals' },
      source: { doc: '001', where: '一、策划阶段 2., l.51–52', quote: '设定目标:设定明确的目标' }
    },
    {
      text: { 'zh-CN': '制定推广预算', en: 'Draft the promotion budget' },
      source: { doc: '001', where: '一、策划阶段 3., l.53', quote: '3. 制定预算' }
    },
    {
      text: { 'zh-CN': '确定推广策略', en: 'Choose the promotion strategy' },
      source: { doc: '001', where: '一、策划阶段 4., l.55', quote: '4. 确定推广策略' }
    },
    {
      text: {
        'zh-CN': '编写活动策划方案（目标、目标群体、内容、时间）',
        en: 'Write the campaign plan (goals, target group, content, timing)'
      },
      source: {
        doc: '001',
        where: '三、活动策划阶段 1., l.103',
        quote: '包含活动目标、目标群体、活动内容、活动时间等'
      }
    },
    {
      text: {
        'zh-CN': '编制预算清单和费用预算表（人力、物料、宣传费用）',
        en: 'Prepare the budget list and cost sheet (staff, materials, publicity)'
      },
      source: { doc: '001', where: '第十二条, l.266', quote: '应进行认真清单和费用预算表的编制' }
    },
    {
      text: {
        'zh-CN': '将活动策划方案提交上级审核',
        en: 'Submit the campaign plan to the superior for review'
      },
      source: { doc: '001', where: '三、活动策划阶段 1., l.103', quote: '并提交给上级审核' }
    }
  ],
  preparation: [
    {
      text: {
        'zh-CN': '制定推广计划（时间、地点、形式、渠道）',
        en: 'Make the promotion plan (time, place, format, channels)'
      },
      source: { doc: '001', where: '二、准备阶段 1., l.58–59', quote: '时间、地点、形式和推广渠道' }
    },
    {
      text: {
        'zh-CN': '筹备人员、设备、物料和资金',
        en: 'Line up staff, equipment, materials and funds'
      },
      source: { doc: '001', where: '二、准备阶段 2., l.60–61', quote: '人员、设备、物料和资金' }
    },
    {
      text: { 'zh-CN': '确定推广渠道', en: 'Choose the promotion channels' },
      source: { doc: '001', where: '二、准备阶段 3., l.62', quote: '3. 确定推广渠道' }
    },
    {
      text: { 'zh-CN': '制定推广内容', en: 'Create the promotion content' },
      source: { doc: '001', where: '二、准备阶段 4., l.64', quote: '4. 制定推广内容' }
    },
    {
      text: {
        'zh-CN': '确定监测指标和数据采集方式',
        en: 'Set monitoring indicators and how data is collected'
      },
      source: {
        doc: '001',
        where: '监测流程 1. 活动前期准备, l.284',
        quote: '确定监测指标和数据采集方式'
      }
    },
    {
      text: { 'zh-CN': '组织召开活动策划会议', en: 'Hold the campaign planning meeting' },
      source: { doc: '001', where: '第十三条, l.267', quote: '市场部门应组织召开活动策划会议' }
    },
    {
      text: { 'zh-CN': '进行必要的培训和演练', en: 'Run the necessary training and rehearsal' },
      source: { doc: '001', where: '二、3. 活动执行, l.154', quote: '并进行必要的培训和演练' }
    },
    {
      text: {
        'zh-CN': '编写执行计划（时间表、执行步骤、责任人）并报上级审核',
        en: 'Write the execution plan (timetable, steps, owners) and submit it for review'
      },
      source: {
        doc: '001',
        where: '四、活动执行阶段 1., l.105',
        quote: '包含活动执行时间表、具体执行步骤和责任人,并报备上级审核'
      }
    }
  ],
  approval: [
    {
      text: { 'zh-CN': '评估执行计划', en: 'Evaluate the execution plan' },
      source: { doc: '001', where: '四、活动执行阶段 2., l.106', quote: '上级审核人员对执行计划进行评估' }
    },
    {
      text: { 'zh-CN': '做出批准决议', en: 'Record the approval decision' },
      source: { doc: '001', where: '四、活动执行阶段 2., l.106', quote: '做出批准决议' }
    }
  ],
  execution: [
    {
      text: { 'zh-CN': '按推广计划按时按地点投放广告', en: 'Place ads on time and where the plan says' },
      source: { doc: '001', where: '三、执行阶段 1., l.67', quote: '按时和按地点进行广告投放' }
    },
    {
      text: { 'zh-CN': '开展网络推广', en: 'Run the online promotion' },
      source: { doc: '001', where: '三、执行阶段 2., l.69', quote: '2. 网络推广' }
    },
    {
      text: { 'zh-CN': '组建执行团队并明确分工', en: 'Form the team and split the work' },
      source: { doc: '001', where: '营销活动的执行与监控 2.1, l.217', quote: '2.1 团队组建与分工' }
    },
    {
      text: { 'zh-CN': '管理人力、物力和财力资源', en: 'Manage people, materials and money' },
      source: {
        doc: '001',
        where: '营销活动的执行与监控 2.3, l.223',
        quote: '包括人力、物力和财力等方面'
      }
    },
    {
      text: {
        'zh-CN': '定期收集销售数据、访问量、转化率',
        en: 'Collect sales, traffic and conversion data regularly'
      },
      source: {
        doc: '001',
        where: '监测流程 2. 活动执行阶段, l.287',
        quote: '定期收集和整理相关数据,包括销售数据、访问量、转化率等'
      }
    },
    {
      text: { 'zh-CN': '做好费用记录', en: 'Keep expense records' },
      source: { doc: '001', where: '六、活动费用管理 2., l.113', quote: '做好费用记录和报销工作' }
    },
    {
      text: {
        'zh-CN': '超出预算的费用先经上级审核批准再支出',
        en: "Get the superior's approval before any over-budget spending"
      },
      source: {
        doc: '001',
        where: '六、活动费用管理 1., l.112',
        quote: '任何超出预算的费用需经过上级审核批准后方可支出'
      }
    },
    {
      text: {
        'zh-CN': '遇重点问题或突发情形立刻向上级汇报',
        en: 'Report major problems or incidents to the superior at once'
      },
      source: {
        doc: '001',
        where: '四、活动执行阶段 4., l.108',
        quote: '如遇到重点问题或突发情形,活动执行者应立刻向上级汇报'
      }
    }
  ],
  monitoring: [
    {
      text: { 'zh-CN': '监测目标达成率', en: 'Track goal attainment' },
      source: { doc: '001', where: '监测指标 1., l.278', quote: '1. 目标达成率' }
    },
    {
      text: {
        'zh-CN': '评估营销效果（转化率、ROI等）',
        en: 'Evaluate effectiveness (conversion, ROI, etc.)'
      },
      source: { doc: '001', where: '监测指标 2., l.279', quote: '包括转化率、ROI等' }
    },
    {
      text: { 'zh-CN': '收集和分析客户反馈', en: 'Collect and analyse customer feedback' },
      source: { doc: '001', where: '监测指标 3., l.280', quote: '3. 客户反馈' }
    },
    {
      text: { 'zh-CN': '监测成本控制', en: 'Check costs stay within range' },
      source: { doc: '001', where: '监测指标 4., l.281', quote: '4. 成本控制' }
    },
    {
      text: {
        'zh-CN': '分析实时数据（点击率、转化率、销售额）',
        en: 'Analyse real-time data (click-through, conversion, sales)'
      },
      source: { doc: '001', where: '3.1 实时数据分析, l.226–227', quote: '如点击率、转化率、销售额等' }
    },
    {
      text: {
        'zh-CN': '根据市场反馈及时调整策略和方案',
        en: 'Adjust strategy and plan to market feedback'
      },
      source: { doc: '001', where: '3.2 市场反馈与调整, l.229–230', quote: '及时调整营销策略和方案' }
    },
    {
      text: {
        'zh-CN': '向上级提供相关数据和报告',
        en: 'Give the superior the data and reports asked for'
      },
      source: {
        doc: '001',
        where: '五、活动监督与评估 2., l.110',
        quote: '依据上级的要求供应相关数据和报告'
      }
    },
    {
      text: {
        'zh-CN': '旺季活动：每周召开一次评估调整会议',
        en: 'Peak-season campaigns: hold a review meeting every week'
      },
      source: {
        doc: '001',
        where: '旺季营销专项监督方案 5. 监督流程, l.378',
        quote: '每周召开一次会议,对旺季营销活动进行策划、评估和调整'
      }
    }
  ],
  summary: [
    {
      text: {
        'zh-CN': '撰写活动总结报告（目标是否达成、效果、问题及改进建议）',
        en: 'Write the summary report (goals met, results, problems, improvements)'
      },
      source: { doc: '001', where: '七、活动总结与反馈 1., l.114', quote: '撰写活动总结报告' }
    },
    {
      text: { 'zh-CN': '提交费用报销申请及票据', en: 'Submit expense claims with receipts' },
      source: {
        doc: '001',
        where: '六、活动费用管理 2., l.113',
        quote: '提出费用报销申请,并供应相关票据和支持文件'
      }
    },
    {
      text: {
        'zh-CN': '编制监测报告（数据分析、市场反馈、策略调整）',
        en: 'Write the monitoring report (data analysis, market feedback, strategy changes)'
      },
      source: { doc: '001', where: '监测报告 1.–2., l.299–300', quote: '每个活动结束后,编制监测报告' }
    },
    {
      text: {
        'zh-CN': '评估参加人数、销售额、市场份额',
        en: 'Evaluate attendance, sales and market share'
      },
      source: { doc: '001', where: '第十七条, l.271', quote: '参加人数、销售额、市场份额' }
    },
    {
      text: {
        'zh-CN': '评估结果汇总报告给公司领导层',
        en: 'Report the evaluation to company leadership'
      },
      source: { doc: '001', where: '第十九条, l.273', quote: '活动效果评估结果应汇总报告给公司领导层' }
    },
    {
      text: { 'zh-CN': '整理活动资料并归档', en: 'Sort and archive the campaign material' },
      source: { doc: '001', where: '7.知识管理, l.91–92', quote: '整理活动资料' }
    }
  ]
} satisfies Record<string, TemplateChecklistItem[]>;
