/** The members dialog: members, their roles, invite links and their refusals, in the reference language. */
export const zhCNMembers = {
  'members.open': '成员',
  'members.title': '看板成员',
  'members.close': '关闭',
  'members.you': '（你）',
  'members.roleOf': '{name} 的角色',
  'members.remove': '移除',
  'members.role.owner': '所有者',
  'members.role.manager': '经理',
  'members.role.editor': '编辑者',
  'members.role.commenter': '评论者',
  'members.role.viewer': '查看者',
  'members.invite.title': '邀请成员',
  'members.invite.role': '角色',
  'members.invite.email': '邮箱（可选：只有这个邮箱能使用链接）',
  'members.invite.emailNote':
    '按邮箱添加就是发出邀请：如果这个邮箱在这里已有账号，邀请也会出现在对方的看板列表里。对方接受后才会加入。',
  'members.invite.create': '生成邀请链接',
  'members.invite.link': '邀请链接',
  'members.invite.copy': '复制',
  'members.invite.copied': '已复制',
  'members.invite.note': '系统不会发送邮件：请复制链接自行发送。链接只能使用一次，有效期至 {date}。',
  'members.invite.pending': '待接受的邀请',
  'members.invite.anyone': '任何拿到链接的人',
  'members.invite.expires': '有效期至 {date}',
  'members.invite.revoke': '撤销',
  'error.members.invalidRole': '请选择角色：所有者、经理、编辑者、评论者或查看者。',
  'error.members.lastOwner': '看板至少要有一位所有者，请先将他人设为所有者。',
  'error.members.changed': '有人同时修改了成员，请刷新看看再试一次。',
  'error.members.notMember': '此人已不是看板成员。',
  'error.members.tooManyInvites': '此看板待接受的邀请过多，请先撤销一些。',
  'error.members.inviteGone': '此邀请已不在待接受列表中。'
} as const;

export type MembersMessageKey = keyof typeof zhCNMembers;
