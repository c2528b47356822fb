import type { TemplateChecklistItem } from '../types';

/**
 * The checklists of campaign-execution.ts up to execution (the closing stages are in
 * campaign-execution.closing.ts), by stage key, each item with the lines of 001 it comes
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
    },
    {
      text: { 'zh-CN': '征求相关部门的意见', en: 'Ask the other departments involved for their views' },
      source: { doc: '001', where: '第五条, l.259', quote: '并征得相关部门的看法' }
    },
    {
      text: { 'zh-CN': '识别潜在风险并制定应对方案', en: 'Identify the risks and plan a response to each' },
      source: { doc: '001', where: '风险管理 1., l.296', quote: '预先识别潜在的风险因素,并制定应对方案' }
    },
    {
      text: { 'zh-CN': '设立紧急处理机制', en: 'Set up an emergency procedure' },
      source: { doc: '001', where: '风险管理 3., l.298', quote: '设立紧急处理机制,以应对突发状况' }
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
    },
    {
      text: { 'zh-CN': '不得擅自修改或取消活动方案', en: 'Do not change or cancel the plan on your own' },
      source: {
        doc: '001',
        where: '第五章 4.3, l.126',
        quote: '不得擅自修改或取消,需经过市场营销部主管领导的批准'
      }
    }
  ]
} satisfies Record<string, TemplateChecklistItem[]>;
