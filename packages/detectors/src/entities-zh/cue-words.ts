/**
 * Words around a name that make a surname-led span very likely to be a person. All lists are general
 * Chinese vocabulary (titles, speech verbs, roles), not names.
 */

/** Honorifics and job titles written right after a name: 张伟先生, 李娜女士, 王总. */
export const TITLES_AFTER: ReadonlySet<string> = new Set([
  '先生',
  '女士',
  '小姐',
  '老师',
  '教授',
  '博士',
  '医生',
  '律师',
  '同志',
  '同学',
  '师傅',
  '老板',
  '总',
  '董',
  '经理',
  '总经理',
  '副总经理',
  '总裁',
  '副总裁',
  '董事长',
  '副董事长',
  '董事',
  '主任',
  '书记',
  '主席',
  '院士',
  '院长',
  '校长',
  '局长',
  '部长',
  '处长',
  '科长',
  '厅长',
  '市长',
  '省长',
  '县长',
  '区长',
  '镇长',
  '村长',
  '队长',
  '教练',
  '总监',
  '导演',
  '研究员',
  '工程师',
  '会计师',
  '秘书',
  '委员',
  '大夫',
  '阿姨',
  '叔叔',
  '大爷',
  '大妈',
  '老师傅',
  '夫人',
  '太太',
  '君',
]);

/** Verbs of saying/thinking that commonly follow a quoted person: 王小明认为，… (invented) */
export const VERBS_AFTER: ReadonlySet<string> = new Set([
  '说',
  '说道',
  '表示',
  '认为',
  '称',
  '指出',
  '介绍',
  '透露',
  '强调',
  '坦言',
  '告诉',
  '回忆',
  '解释',
  '补充',
  '表态',
  '承认',
  '否认',
  '建议',
  '提出',
  '提醒',
  '呼吁',
  '分析',
  '估计',
  '感叹',
  '直言',
  '宣布',
  '证实',
  '发现',
  '诉称',
  '获悉',
  '相信',
  '希望',
  '笑',
  '问',
  '答',
  '回答',
  '说明',
  '指',
  '曾',
  '先后',
  '毕业',
  '出生',
  '生于',
  '现任',
  '曾任',
  '历任',
  '担任',
  '兼任',
  // Posting verbs of social media: 某某晒出…, 某某发文回应.
  '回应',
  '发文',
  '晒出',
  '发博',
  '发微博',
  '吐槽',
  '爆料',
  '自曝',
]);

/** Roles written right before a name: 记者唐某某, 导演李某, 主席习某某. */
export const ROLES_BEFORE: ReadonlySet<string> = new Set([
  '记者',
  '编辑',
  '责编',
  '通讯员',
  '实习生',
  '摄影',
  '作者',
  '主编',
  '主席',
  '副主席',
  '总理',
  '副总理',
  '总统',
  '总书记',
  '书记',
  '省长',
  '市长',
  '县长',
  '部长',
  '局长',
  '厅长',
  '主任',
  '院长',
  '校长',
  '董事长',
  '总经理',
  '经理',
  '总裁',
  '总监',
  '导演',
  '制片',
  '制片人',
  '演员',
  '歌手',
  '主持人',
  '主播',
  '教练',
  '主教练',
  '球员',
  '队长',
  '选手',
  '律师',
  '法官',
  '检察官',
  '医生',
  '教授',
  '老师',
  '专家',
  '研究员',
  '发言人',
  '负责人',
  '创始人',
  '网友',
  '朋友',
  '同学',
  '妻子',
  '丈夫',
  '儿子',
  '女儿',
  '母亲',
  '父亲',
  '先生',
  '女士',
  '嫌疑人',
  '犯罪嫌疑人',
  '被告人',
  '患者',
  '村民',
  '市民',
  '居民',
  '民警',
  '警官',
  '委员',
  '代表',
  '作家',
  '画家',
  '诗人',
  '艺术家',
  '收藏家',
  '设计师',
  '工程师',
  '叫',
  '名叫',
  '姓名',
  '联系人',
  '收件人',
  '致',
  '感谢',
  '恭喜',
  '祝贺',
]);

/**
 * Characters that almost never occur inside a given name but often follow one (particles, prepositions,
 * adverbs), so a given name stops before them: 李咏就… → 李咏.
 */
export const NOT_IN_GIVEN_NAME: ReadonlySet<string> = new Set(
  '的了着过是在和与及或就也都还又再把被对从向给让叫说称等则而但却才很太更最不没未已将要会能可以为这那其之于此由因所若如即便并且你我他她它们们啊吗呢吧呀哦嘛么个们年月日号时分秒上下里中外前后左右内一二三四五六七八九十百千万亿两几多少每各某另该本'.split(
    '',
  ),
);

/** Endings of role nouns that often stand right before a name: 副县长, 营销总监, 协会会长. */
const ROLE_ENDINGS: readonly string[] = [
  '长',
  '总监',
  '经理',
  '记者',
  '主任',
  '书记',
  '主席',
  '董事',
  '编辑',
  '演员',
  '导演',
  '教练',
  '律师',
  '教授',
  '专家',
  '员',
  '师',
  '人',
  '官',
  '民',
  '手',
  '家',
  '总裁',
  '秘书',
  '代表',
  '委员',
];
/** Words ending like a role that are not roles (增长 "growth", 成长 "grow up"). */
const NOT_ROLES: ReadonlySet<string> = new Set([
  '增长',
  '成长',
  '延长',
  '擅长',
  '生长',
  '家长',
  '人人',
  '大家',
  '国家',
  '他人',
  '别人',
  '个人',
  '本人',
  '老人',
  '女人',
  '男人',
  '商家',
  '专家们',
]);

/** Is this token a role/occupation noun that commonly introduces a name? */
export function hasRoleBefore(token: { word: string; tag: string }): boolean {
  const { word, tag } = token;
  if (ROLES_BEFORE.has(word)) return true;
  if (word.length < 2 || NOT_ROLES.has(word) || !(tag === 'n' || tag === 'nz' || tag === 'l' || tag === 'nr'))
    return false;
  return ROLE_ENDINGS.some((ending) => word.endsWith(ending));
}

/**
 * Common words that jieba's dictionary tags `nr` (person) although in running text they are ordinary
 * vocabulary. Picked from the high-frequency `nr` entries of jieba's own dictionary, plus a few general words.
 */
export const NOT_PERSON: ReadonlySet<string> = new Set(
  (
    '明白 武功 文明 小姐 和尚 王朝 阳光 陆军 道德 卫星 雷达 太后 荣誉 古老 丘陵 言语 冷笑 武林 明星 宫殿 光荣 权威 师傅 侍卫 帝王 封锁 宣言 胡同 玉米 师兄 顾问 王爷 智慧 王公 白雪 高峰 齐声 祖先 文武 石英 友谊 金殿 侍郎 师哥 英勇 高潮 齐全 洪水 顾客 公正 凤凰 辛勤 米粉 玉石 寻思 胡子 王府 光辉 叶子 安静 祖宗 保健 谢谢 宝贝 白领 老公 红旗 子孙 宝贵 康复 鱼雷 沙滩 师范 诸如 梅花 伯伯 吉祥 范畴 相公 周转 诸侯 鹿角 元帅 孙子 雪山 宝剑 老汉 宁可 修正 比武 山珍 凌辱 子宫 大侠 高明 陈述 老夫 荣获 丛林 老虎 马匹 双喜 博客 体操 关怀 林立 明珠 王子 温泉 向阳 黎明 红外 呼唤 陈列 布满 通达 乌云 宁静 养老 蓝天 左翼 金刚 师生 冷汗 天亮 安抚 高僧 宝石 许可 小雨 朱红 原谅 尼姑 容纳 杜绝 卓越 沙丘 仁兄 晋升 云母 童子 祝贺 师母 慈善 松树 兰花 岳父 史诗 蓬勃 过敏 谢恩 白白 英才 乌龟 凌厉 沙皇 师娘 胡闹 荣耀 满怀 旷野 桂花 高悬 马背 乔木 毛巾 麦子 郎中 白布 张开 元老 周密 银杏 朴素 陈设 马夫 老总 英俊 迎宾 高薪 刚毅 宾客 华丽 孤儿 弘扬 麻木 恩师 燕子 巴掌 白发 练兵 金黄 林子 林木 黑客 杨柳 安危 梅子 查明 石柱 杜鹃 张贴 周旋 巨石 丹田 练功 田园 白云 伯爵 高耸 加薪 伯父 大胜 才华 王宫 朱砂 古文 张嘴 戈壁 小镇 张口 田野 亚军 仰天 李子 熊掌 廉政 凌空 立功 万世 钱财 雷声 温馨 白银 蓝图 殷勤 铁青 伯母 明智 灵敏 奥妙 严正 祝福 陈旧 静默 巧遇 贝壳 高昂 庄园 金光 顾忌 高超 仁义 克隆 拓宽 胡椒 张罗 扬言 徐徐 高雅 常青 富豪 宝宝 时髦 敬仰 宝藏 凯旋 卫冕 敬畏 古董 施政 明朗 钟声 熊猫 陶醉 阿姨 汪洋 任凭 滑雪 张扬 高喊 盖子 麻醉 奥秘 周全 权贵 千秋 毛发 敬佩 白昼 罗汉 小河 施礼 祖母 王道 空旷 ' +
    '文化 高达 于是 林业 金额 黄金 石油 江山 马上 安全 平安 方向 常规 华人 夏天 秋天 龙头 何时 何必 何况 任何 付定金 ' +
    '任务 任意 宋体 黑体 甘心 包括 关于 成为 成功 时间 高兴 相信 万一 沙发 齐心 特邀 居留权 单位 ' +
    // Everyday words in jieba's dictionary as nrt whose characters all read as a transliteration.
    '多达 约莫 克拉 纳米 勒索 卢比 休克 夸克 拉丁 ' +
    // Engineering and office jargon led by a surname character, outside jieba's dictionary or tagged nr.
    '白屏 卡顿 卡死 甘特图 冷启动 热启动 根因 孔明灯 雅黑 元宝 高德 严选 钱包 金丝雀 蓝绿 单测 ' +
    '冒烟 毛刺 毛利 毛利率 温备 冷备 热备 叶子 叶节点 万兆 常量 程序 石墨 云原生 ' +
    // More high-frequency nr entries of jieba's dictionary that are everyday words (trees, flowers, seasons,
    // verbs); ones that are also common given names (雷鸣, 金秋, 白杨) stay out, as a given name is checked here too.
    '史实 边远 张望 柳树 伏兵 练武 柏树 丛生 农耕 唐诗 田赋 雷雨 容颜 冷清 南征 师承 敬礼 马虎 和善 盖章 ' +
    '沙龙 乐章 诸子 冷杉 封信 查清 桂冠 阴森 富丽 丁香 段子 花香 栗子 牟利 杨树 殷红 祝寿 母爱 白鹤 齐鸣 ' +
    '毛竹 阴云 梅雨 温顺 简章 马达 宋词 麻利 黄泉 古琴 白桦 白虎 马驹 殷实 胡琴 阎罗 王冠 严冬 檀木 白米 ' +
    '桑树 闻言 杨梅 刘海 麦苗 乌木 檀香 付清 易燃 玉佩 胡言 贺信 高清 花蕾 谢世 屠城 普照 贺礼 萧瑟 严词 ' +
    '楼宇 薄礼 胡杨 陈词 花环 贺词 封山 柳木 粟米 麦冬 巴望 谈天 祝捷 甘蓝 刁民 黄莺 冷锋 黄米 余波 麻风 ' +
    '余震 宾朋 祝词 居功 葛藤 阳寿 干冰 戴孝 柳杉 黄檀 龙颜 柴米 桂树 白芷 谢礼 楚歌 乌梅 余韵 黄菊 印玺 ' +
    '白霜 仇富 阴晴 阴晴圆 印鉴 牛劲 童颜 ' +
    // Roles in forms and contracts that jieba tags nr (申请人/nr), and medical terms led by a surname character.
    '申请人 被申请人 当事人 委托人 代理人 承租人 出租人 受益人 投保人 被保险人 窦性 窦性心 ' +
    // Loanwords whose characters read as a transliterated name (jieba tags them nr or nrt).
    '沙拉 马拉松 迪斯科 尼古丁 比萨 布丁 伏特加 哈士奇 拉布拉多 柯基 吉普 普拉提 马赛克 蒙太奇 ' +
    '乌托邦 布鲁斯 华尔兹 桑巴 迪斯尼 万圣节 荷尔蒙 奥斯卡 格莱美 阿莫西林 阿司匹林 ' +
    // Cartoon characters jieba tags nr: no person to mask.
    '奥特曼 米老鼠 唐老鸭 ' +
    // Cards and card tiers: 银行卡/nr, and 金卡 or 黑卡 read as surname + 卡.
    '银行卡 金卡 银卡 黑卡 白金卡 ' +
    // Everyday words for kinds of people that jieba tags nr or that read as surname + given name.
    '黄牛 常青树 熊孩子 练习生'
  ).split(' '),
);
