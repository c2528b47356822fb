import type { TemplateChecklistItem } from '../types';

/** The checklists of the campaign's last two stages, after execution: watching it and closing it. */
export const campaignClosingChecklists = {
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
    },
    {
      text: {
        'zh-CN': '定期评估风险的概率和影响',
        en: 'Reassess the likelihood and impact of each risk regularly'
      },
      source: { doc: '001', where: '风险管理 2., l.297', quote: '定期评估风险的出现概率和影响程度' }
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
