import { describe, expect, it } from 'vitest';
import type { DetectContext } from '../detector.ts';
import { segmentChinese } from '../segmentation/chinese-segmenter.ts';
import { cpuMs } from '../test-support/cpu-time.ts';
import { chineseEntityDetector } from './index.ts';
import { findChineseOrganizations } from './organizations.ts';
import { findChinesePersons } from './person-names.ts';

function context(text: string): DetectContext {
  let tokens: ReturnType<typeof segmentChinese> | undefined;
  return {
    lang: 'zh',
    hasCjk: /[\u3400-\u9fff]/.test(text),
    chineseTokens: () => {
      tokens ??= segmentChinese(text);
      return tokens;
    },
  };
}

function found(text: string, type: 'person_name' | 'organization'): string[] {
  return chineseEntityDetector
    .detect(text, context(text))
    .filter((f) => f.type === type)
    .map((f) => text.slice(f.start, f.end));
}

describe('Chinese person names', () => {
  it('leaves a conjunction before a whole name out of it', () => {
    const names = found('会议由秘书长和李鹏飞主持。', 'person_name');
    expect(names.length).toBe(1);
    expect(names[0]?.startsWith('李')).toBe(true);
  });

  it('counts 小 and 雷 as given-name characters (surname + 小 + one character)', () => {
    expect(found('周末约了晏小花一起爬山', 'person_name')).toEqual(['晏小花']);
    expect(found('明天常小雷也来吗', 'person_name')).toEqual(['常小雷']);
  });

  it('finds a name before a social-media posting verb', () => {
    expect(found('曾若彤发文回应了网友的质疑。', 'person_name')).toEqual(['曾若彤']);
  });

  it('finds a name before a speech verb', () => {
    expect(found('欧阳明辉表示，明年的计划不会改变。', 'person_name')).toContain('欧阳明辉');
  });

  it('finds an everyday-character surname with a rare given name opening a clause before a speech verb', () => {
    expect(found('仲跻远估计，今年的销量会翻倍。', 'person_name')).toEqual(['仲跻远']);
    expect(found('边跻华表示，明年继续投入。', 'person_name')).toEqual(['边跻华']);
  });

  it('finds résumé-style names with an honorific or "，男"', () => {
    expect(found('郑海涛先生，1970年出生，中国国籍。', 'person_name')).toEqual(['郑海涛']);
    expect(found('罗一鸣，男，汉族，本科学历。', 'person_name')).toContain('罗一鸣');
  });

  it('finds a name after a role word', () => {
    expect(found('本报记者彭晓岚报道', 'person_name')).toContain('彭晓岚');
  });

  it('takes back the syllables of a foreign name that jieba glued onto the next character', () => {
    expect(found('据报道，杰瑞布凯默继续担任制片。', 'person_name')).toEqual(['杰瑞布凯默']);
    expect(found('影评人认为加缪的小说很难改编。', 'person_name')).toEqual(['加缪']);
  });

  it('reads a foreign name before an award or index word as no person, and after a kind of company as one', () => {
    expect(found('这部片子入围了奥斯卡最佳影片。', 'person_name')).toEqual([]);
    expect(found('参考凯利指数，主队占优。', 'person_name')).toEqual([]);
    expect(found('据开发商斯坦博表示，新作将在年底发布。', 'organization')).toEqual(['斯坦博']);
  });

  it('reads a country or city jieba tags as a name as no person, but as a team in sports text', () => {
    expect(found('美国和伊拉克的关系有所缓和。', 'person_name')).toEqual([]);
    expect(found('他访问了莫斯科和石家庄。', 'person_name')).toEqual([]);
    expect(found('本轮联赛，乌克兰主场迎战阿根廷，欧赔看好主胜。', 'organization')).toEqual([
      '乌克兰',
      '阿根廷',
    ]);
  });

  it('reads a transliterated place-tagged word right after a role as a name, unless it is a known place', () => {
    expect(found('联合国秘书长安南对此表示关注', 'person_name')).toEqual(['安南']);
    expect(found('市长巴黎访问', 'person_name')).toEqual([]);
  });

  it('reads a surname that is also a place character as a surname (路, 区)', () => {
    expect(found('市民路小红说，路修好了。', 'person_name')).toEqual(['路小红']);
  });

  it('reads Japanese names next to a role or speech verb', () => {
    expect(found('日本外相宫本浩二郎表示，会谈富有成果。', 'person_name')).toEqual(['宫本浩二郎']);
    expect(found('前首相村山富市说，形势已经好转。', 'person_name')).toEqual(['村山富市']);
    expect(found('山下有一个村庄，中山公园很美。', 'person_name')).toEqual([]);
  });

  it('reads an unknown two-character word opening with the verb 爱 or 可 as no foreign name', () => {
    expect(found('其实爱本就是付出。', 'person_name')).toEqual([]);
    expect(found('发烧时体温可高可低，要多喝水。', 'person_name')).toEqual([]);
  });

  it('reads one character written three times or more as no name', () => {
    expect(found('人家唐唐唐唐晓雨啦', 'person_name')).toEqual(['唐晓雨']);
    expect(found('笑死我了周周周周一鸣', 'person_name')).toEqual([]);
  });

  it('ends a foreign name before the verb 爱 that HMM glued onto the next word', () => {
    expect(found('这次的卡塔诺爱胃行动很成功。', 'person_name')).toEqual(['卡塔诺']);
  });

  it('reads a transliterated people (玛雅人) as no person', () => {
    expect(found('他是个吉普赛人。', 'person_name')).toEqual([]);
    expect(found('玛雅人的历法很精确。', 'person_name')).toEqual([]);
  });

  it('joins transliterated names across the middle dot', () => {
    expect(found('演员汤姆·汉克斯出席了活动', 'person_name')).toContain('汤姆·汉克斯');
  });

  it('reads a two-character nrt word as a foreign name only when it is a transliteration', () => {
    expect(found('这个结果令人意外，双方配合很有默契。', 'person_name')).toEqual([]);
    expect(found('昨天他和布什通了电话。', 'person_name')).toEqual(['布什']);
  });

  it('needs a cue or a clause start for a dictionary name led by an everyday-character surname', () => {
    expect(found('球队取得了5连胜，气氛不再冷清。', 'person_name')).toEqual([]);
    expect(found('昨天，成龙抵达上海。', 'person_name')).toEqual(['成龙']);
  });

  it('reads a plain noun before a job title as no name', () => {
    expect(found('本届影展的焦点导演是谁？', 'person_name')).toEqual([]);
  });

  it('reads a name before a pseudonym note', () => {
    expect(found('店主石坎（化名）昨天离职。', 'person_name')).toEqual(['石坎']);
  });

  it('reads a place after a surname-like verb as no given name', () => {
    expect(found('教授谈宁波的交通。', 'person_name')).toEqual([]);
  });

  it('reads everyday words jieba tags as names as no person (刘海, 丁香, 幸福感)', () => {
    expect(found('她剪了刘海。', 'person_name')).toEqual([]);
    expect(found('窗外的丁香开了。', 'person_name')).toEqual([]);
    expect(found('他说自己缺少幸福感。', 'person_name')).toEqual([]);
    expect(found('周末跑了半程马拉松，晚上吃了比萨和布丁。', 'person_name')).toEqual([]);
  });

  it('reads cards and card tiers as no person (银行卡, 金卡)', () => {
    expect(found('会员分为银卡、金卡、黑卡三档，不要在备注里写银行卡号。', 'person_name')).toEqual([]);
    expect(found('于某年某月签了合同。', 'person_name')).toEqual([]);
  });

  it('reads everyday words for kinds of people as no person (黄牛, 常青树, 熊孩子)', () => {
    expect(found('车站门口的黄牛介绍说票早就卖完了。', 'person_name')).toEqual([]);
    expect(found('她是乒坛的常青树，三十岁还在打比赛。', 'person_name')).toEqual([]);
    expect(found('邻居家的熊孩子说要放鞭炮。', 'person_name')).toEqual([]);
    expect(found('节目里的练习生每天训练十个小时。', 'person_name')).toEqual([]);
  });

  it('reads a city before a festival, and an award, as no person', () => {
    expect(found('他们去了威尼斯电影节。', 'person_name')).toEqual([]);
    expect(found('那部片子今年冲击奥斯卡。', 'person_name')).toEqual([]);
  });

  it('reports offsets into the given text', () => {
    const text = '昨天，邓卫华说会议推迟。';
    const hit = chineseEntityDetector.detect(text, context(text)).find((f) => f.type === 'person_name');
    expect(hit && text.slice(hit.start, hit.end)).toBe('邓卫华');
    expect(hit?.start).toBe(3);
  });

  it('does not tag ordinary words that start with a surname character', () => {
    expect(found('我们明白这个道理，高兴地回家了。', 'person_name')).toEqual([]);
    expect(found('中国国籍，无境外永久居留权。', 'person_name')).toEqual([]);
  });
});

describe('Chinese names from news bylines and lists', () => {
  it('reads the names in a byline, also two written back to back', () => {
    expect(found('本报讯（记者柯明远实习生卢晓梅）市教委昨天宣布', 'person_name')).toEqual([
      '柯明远',
      '卢晓梅',
    ]);
    expect(found('晚报讯（记者江海燕通讯员宋立新何强）', 'person_name')).toEqual([
      '江海燕',
      '宋立新',
      '何强',
    ]);
    expect(found('记者马上赶到现场。', 'person_name')).toEqual([]);
  });

  it('ends a byline name before 摄 or 报道', () => {
    expect(found('新华社记者王小明摄', 'person_name')).toEqual(['王小明']);
    expect(found('本报记者江海燕报道：今天', 'person_name')).toEqual(['江海燕']);
  });

  it('accepts a weak reading that is an item of a list of names', () => {
    expect(found('出席会议的有王刚、乔石、李志明等。', 'person_name')).toEqual(['王刚', '乔石', '李志明']);
    expect(found('他说乔石很硬。', 'person_name')).toEqual([]);
  });

  it('lets a person title override the street-name reading', () => {
    expect(found('这是张路老师的课。', 'person_name')).toEqual(['张路']);
    expect(found('他住在张路附近。', 'person_name')).toEqual([]);
  });

  it('reads surname + 路/街 as a person unless a word of location or a number follows', () => {
    expect(found('刘路足球推荐：主队状态不佳。', 'person_name')).toEqual(['刘路']);
    expect(found('徐街今天没来上班。', 'person_name')).toEqual(['徐街']);
    expect(found('店在徐街8号。', 'person_name')).toEqual([]);
  });
});

describe('Chinese names with uncommon given-name characters', () => {
  it('reads a three-character unknown word led by a clear surname', () => {
    expect(found('据悉，邵寄骞昨天已经离职。', 'person_name')).toEqual(['邵寄骞']);
  });

  it('reads a plain two-character mention handle led by a clear surname', () => {
    expect(found('//@史冉:今天真热', 'person_name')).toEqual(['史冉']);
  });
});

describe('Chinese résumé names', () => {
  it('reads a name before a parenthesised role and "：男"', () => {
    expect(found('邵立华（独立董事）：男，1965年出生。', 'person_name')).toEqual(['邵立华']);
  });

  it('keeps only the surname when jieba glued the honorific on', () => {
    expect(found('冯先生长期从事财务工作。', 'person_name')).toEqual(['冯']);
  });

  it('tolerates a function character inside an unknown three-character name only next to a cue', () => {
    expect(found('钱五良先生，1968年出生。', 'person_name')).toEqual(['钱五良']);
    expect(found('集团董事祁以诚在会上发言。', 'person_name')).toEqual(['祁以诚']);
    expect(found('祁以诚在会上发言。', 'person_name')).toEqual([]);
  });
});

describe('Chinese person names from HMM words and mentions', () => {
  it('reads an unknown name that jieba HMM assembled', () => {
    expect(found('昨天，祁佳颖在会上讲了新的计划。', 'person_name')).toContain('祁佳颖');
  });

  it('drops a particle HMM glued onto the name', () => {
    expect(found('副行长朱琦已预备出任行长。', 'person_name')).toContain('朱琦');
  });

  it('reads a plain-name Weibo mention but not a nickname', () => {
    expect(found('//@邵建国:同意这个看法', 'person_name')).toContain('邵建国');
    expect(found('//@快乐的小猫咪:哈哈', 'person_name')).toEqual([]);
  });

  it('keeps the last given-name character HMM left out when the name ends the clause', () => {
    expect(found('我把票投给了“林诗诗”，你呢？', 'person_name')).toEqual(['林诗诗']);
    expect(found('年度最佳新人：田喜碧，快来投票', 'person_name')).toEqual(['田喜碧']);
  });

  it('reads a mention handle with 于 inside the given name', () => {
    expect(found('//@孟于川:同意', 'person_name')).toEqual(['孟于川']);
  });

  it('reads an organization account handle whole, not its transliterated brand as a person', () => {
    const text = '//@奥林巴斯摄影公益:周末一起去拍花';
    expect(found(text, 'organization')).toEqual(['奥林巴斯摄影公益']);
    expect(found(text, 'person_name')).toEqual([]);
  });

  it('reads a plain name set off by Latin letters, digits, - or _ inside a mention handle', () => {
    expect(found('//@魏思远Kevin:说得好', 'person_name')).toEqual(['魏思远']);
    expect(found('周末见@7-彭雨桐 @钱钱_Amy', 'person_name')).toEqual(['彭雨桐']);
  });

  it('rejects an idiom fragment and a cartoon character that jieba tags as names', () => {
    expect(found('人生总有阴晴圆缺。', 'person_name')).toEqual([]);
    expect(found('孩子最喜欢奥特曼了。', 'person_name')).toEqual([]);
  });

  it('rejects ordinary words led by a surname character', () => {
    expect(found('车站门口的黄牛很多。', 'person_name')).toEqual([]);
  });

  it('reads an unknown two-character word led by a most frequent surname as a name', () => {
    expect(found('昨天李磬就赶回了家。', 'person_name')).toEqual(['李磬']);
    expect(found('有事要找刘颀，他总在。', 'person_name')).toEqual(['刘颀']);
  });

  it('reads a measure word after a demonstrative, or a repeated character, as no name', () => {
    expect(found('这张票他选了三场。', 'person_name')).toEqual([]);
    expect(found('这段时间很忙。', 'person_name')).toEqual([]);
    expect(found('村后杨址12号', 'person_name')).toEqual([]);
    expect(found('周周有惊喜', 'person_name')).toEqual([]);
  });

  it('accepts an everyday-character surname before an unknown given name only with a cue', () => {
    expect(found('副局长于有凯的讲话很简短。', 'person_name')).toEqual(['于有凯']);
    expect(found('于有凯的讲话很简短。', 'person_name')).toEqual([]);
  });

  it('reads a Latin-script spelling in parentheses after a name as the same person', () => {
    expect(found('首席设计师马丁·贝克（Martin Beck）表示', 'person_name')).toEqual(
      expect.arrayContaining(['马丁·贝克', 'Martin Beck']),
    );
    expect(found('张伟(abc123)说', 'person_name')).toEqual(['张伟']);
  });
});

describe('repeated mentions', () => {
  it('finds a name again where it stands without a cue, on token boundaries only', () => {
    expect(found('据悉，方岚先生已经到任。我们见到方岚，他正在开会。', 'person_name')).toEqual([
      '方岚',
      '方岚',
    ]);
    expect(found('我们见到方岚，他正在开会。', 'person_name')).toEqual([]);
    expect(found('方岚先生说，方岚村的路修好了', 'person_name')).toEqual(['方岚']);
  });
});

describe('sports context', () => {
  it('reads transliterated club names in match tips as organizations', () => {
    const text = '本轮联赛，埃弗顿主场迎战富勒姆，欧赔看好主胜。';
    expect(found(text, 'organization')).toEqual(expect.arrayContaining(['埃弗顿', '富勒姆']));
    expect(found(text, 'person_name')).toEqual([]);
  });

  it('reads the two sides of a "vs" fixture as teams when they are names', () => {
    expect(found('我喜欢莱比锡vs汉诺威这场比赛', 'organization')).toEqual(['莱比锡', '汉诺威']);
    expect(found('我喜欢莱比锡vs汉诺威这场比赛', 'person_name')).toEqual([]);
    expect(found('猫vs狗，谁更聪明？', 'organization')).toEqual([]);
    expect(found('决赛中，湖北队vs山西队。', 'organization')).toEqual(['湖北队']);
  });

  it('reads a city as its club only in sports text', () => {
    expect(found('本赛季都灵客场战平米兰，联赛排名第五。', 'organization')).toEqual(
      expect.arrayContaining(['都灵', '米兰']),
    );
    expect(found('我们去都灵旅游了三天。', 'organization')).toEqual([]);
  });

  it('counts the rounds of a tournament as sports cues', () => {
    expect(found('特雷维索在半决赛中淘汰了对手，客场也没有输。', 'organization')).toEqual(['特雷维索']);
  });
});

describe('Chinese organizations', () => {
  it('reads newspapers and satellite channels named by their place', () => {
    expect(found('据钱江晚报报道，湖北卫视今晚播出。', 'organization')).toEqual(['钱江晚报', '湖北卫视']);
  });

  it('starts an organization at its Latin brand, leaving the unknown word before it to the person pass', () => {
    const text = '//@林默ESPN卫视解说:好球';
    expect(found(text, 'organization')).toEqual(['ESPN卫视']);
    expect(found(text, 'person_name')).toEqual(['林默']);
  });

  it('reads universities and the national team by their short names', () => {
    expect(found('他在华科读研，女朋友在北外教书。', 'organization')).toEqual(['华科', '北外']);
    expect(found('国足今晚又输了。', 'organization')).toEqual(['国足']);
  });

  it('extends a company head over its name', () => {
    expect(found('2015年加入杭州星辰数据科技有限公司，任财务总监。', 'organization')).toContain(
      '杭州星辰数据科技有限公司',
    );
  });

  it('keeps a parenthesised part of the name', () => {
    expect(found('现任宁波远航电气（集团）股份有限公司董事。', 'organization')).toContain(
      '宁波远航电气（集团）股份有限公司',
    );
  });

  it('chains a university and its department', () => {
    expect(found('毕业于南京大学经济系。', 'organization')).toContain('南京大学经济系');
  });

  it('starts an organization after the verb 有 before it, also when HMM glued it on', () => {
    expect(found('参会的人有青禾资产评估机构的代表', 'organization')).toEqual(['青禾资产评估机构']);
  });

  it('reads a one-character or public-service nt word as no organization (暨, 公共交通)', () => {
    expect(found('双旦大促复盘暨 Q1 规划会', 'organization')).toEqual([]);
    expect(found('周末尽量乘坐公共交通出行。', 'organization')).toEqual([]);
  });

  it('reads a generic head after a place or a demonstrative as no name', () => {
    expect(found('日本金融机构纷纷撤资。', 'organization')).toEqual([]);
    expect(found('该设计工作室昨天发布了新作品。', 'organization')).toEqual([]);
    expect(found('青禾资产评估机构出具了报告。', 'organization')).toEqual(['青禾资产评估机构']);
  });

  it('reads the Japanese self-defense forces as organizations', () => {
    expect(found('航空自卫队的飞机与陆上自卫队一起参加了演习。', 'organization')).toEqual([
      '航空自卫队',
      '陆上自卫队',
    ]);
  });

  it('reads learned societies and association short forms, but not 学会 "learn"', () => {
    expect(found('他是中国欧洲学会理事，也是德国营销协会会员。', 'organization')).toEqual([
      '中国欧洲学会',
      '德国营销协会',
    ]);
    expect(found('现任杭州市科协主席。', 'organization')).toEqual(['杭州市科协']);
    expect(found('小学生学会了分享，孩子学会走路了。', 'organization')).toEqual([]);
  });

  it('keeps a network or consulting line between a brand and its company head', () => {
    expect(found('现任青果传媒网络有限公司财务经理。', 'organization')).toEqual(['青果传媒网络有限公司']);
    expect(found('曾任鼎峰投资顾问有限公司董事长。', 'organization')).toEqual(['鼎峰投资顾问有限公司']);
    // 曾/d 任鼎峰/x: the appointment verb glued onto the name is neither company nor person.
    expect(found('曾任鼎峰投资顾问有限公司董事长。', 'person_name')).toEqual([]);
    expect(found('互联网公司都在裁员。', 'organization')).toEqual([]);
  });

  it('chains no sub-unit across a verb after a complete name', () => {
    const orgs = found('南京大学设立量子计算研究院。', 'organization');
    expect(orgs).toContain('南京大学');
    expect(orgs.some((o) => o.includes('设立'))).toBe(false);
  });

  it('finds government bodies and well-known names', () => {
    expect(found('据福建省公安厅通报，', 'organization')).toContain('福建省公安厅');
    expect(found('国务院召开常务会议，腾讯和阿里巴巴的代表参加。', 'organization')).toEqual(
      expect.arrayContaining(['国务院', '腾讯', '阿里巴巴']),
    );
  });

  it('treats résumé references to 公司 as the organization', () => {
    expect(found('历任公司副总经理、总工程师。', 'organization')).toEqual(['公司']);
  });

  it('reads a surname-led name ending in 军 as a person, not an army, and stops at a speech verb', () => {
    expect(found('据悉，韦立军表示公司将扩大投资。', 'organization')).toEqual([]);
    expect(found('据悉，韦立军表示公司将扩大投资。', 'person_name')).toEqual(['韦立军']);
    expect(found('中国人民解放军驻港部队举行开放日。', 'organization')).not.toEqual([]);
  });

  it('reads a résumé employer between an appointment verb and a board role', () => {
    expect(found('现任青禾远景执行董事兼总经理。', 'organization')).toEqual(['青禾远景']);
    expect(found('2012年6月至今任沐川科技董事。', 'organization')).toEqual(['沐川科技']);
    // jieba glues the verb onto an unknown brand after a date: 至今任朗峰/x.
    expect(found('2015年3月至今任朗峰水务董事长。', 'organization')).toEqual(['朗峰水务']);
    // 水务 is an industry word: the company short name ends there, as with 科技 (the department is not chained on).
    expect(found('2015年3月，任朗峰水务采购部经理。', 'organization')).toEqual(['朗峰水务']);
  });

  it('leaves departments, regions and generic words in the employer frame alone', () => {
    expect(found('任技术部总经理。', 'organization')).toEqual([]);
    expect(found('任上海总经理。', 'organization')).toEqual([]);
    expect(found('任职工监事。', 'organization')).toEqual([]);
    expect(found('董事长任志强表示。', 'person_name')).toEqual(['任志强']);
  });

  it('spans a conjunction inside a ministry-style name but not between two organizations', () => {
    expect(found('住房和城乡建设部表示，将加强监管。', 'organization')).toEqual(['住房和城乡建设部']);
    expect(found('北京市人力资源和社会保障局发布公告。', 'organization')).toEqual([
      '北京市人力资源和社会保障局',
    ]);
    expect(found('中国银行和工商银行都上调了利率。', 'organization')).toEqual(['中国银行', '工商银行']);
    expect(found('开发和销售公司的员工。', 'organization')).toEqual([]);
  });

  it('reads plain office names listed next to a named organization', () => {
    expect(found('会议由财政部、水利部、审计署和扶贫办共同主办。', 'organization')).toEqual([
      '财政部',
      '水利部',
      '审计署',
      '扶贫办',
    ]);
    expect(found('水利部门的人来了。', 'organization')).toEqual([]);
    const units = found('星海电子有限公司业务部、星海电子有限公司工会各派一人。', 'organization');
    expect(units).not.toContain('业务部');
  });

  it('keeps an adjective inside a name and cuts roles and dates glued on by jieba', () => {
    expect(found('他在日本复兴开发银行工作了三年。', 'organization')).toEqual(['日本复兴开发银行']);
    expect(found('2008年任东川市明远律师事务所律师。', 'organization')).toEqual(['东川市明远律师事务所']);
    expect(found('图为青岭市文化促进会副秘书长。', 'organization')).toEqual(['青岭市文化促进会']);
    expect(found('1999年7月起任公司监事。', 'organization')).toEqual(['公司']);
  });

  it('reads informal short names: trade name plus trade line, place plus trade name, province abbreviation', () => {
    expect(found('孩子这学期在北斗星教育上编程课。', 'organization')).toEqual(['北斗星教育']);
    expect(found('这批货走蓝鲸优选的渠道。', 'organization')).toEqual(['蓝鲸优选']);
    expect(found('他在成都恒越置业做销售。', 'organization')).toEqual(['成都恒越置业']);
    expect(found('本轮由浙创投领投。', 'organization')).toEqual(['浙创投']);
    // Subjects and kinds of investor before the same words are no names.
    expect(found('现在线上教育和网课教育越来越普及，天使创投和政府创投都在看。', 'organization')).toEqual([]);
  });

  it('reads fields of study, phrases and everyday words ending in a head character as no organization', () => {
    expect(found('他翻出了大学时的伦理学笔记。', 'organization')).toEqual([]);
    expect(found('应以受贿罪论处。', 'organization')).toEqual([]);
    expect(found('塞翁失马，福之所倚。', 'organization')).toEqual([]);
    expect(found('他在北京大学读书。', 'organization')).toEqual(['北京大学']);
    expect(found('他很有上进心，也支持国际化。', 'organization')).toEqual([]);
    expect(found('听说四大行都下调了利率。', 'organization')).toEqual([]);
  });

  it('reads a named marketplace but not a kind of market', () => {
    expect(found('明早去杭州青禾水产批发市场进货。', 'organization')).toEqual(['杭州青禾水产批发市场']);
    expect(found('附近的农产品批发市场很便宜，要加快建设全国统一大市场。', 'organization')).toEqual([]);
    expect(found('中国大市场的潜力很大。', 'organization')).toEqual([]);
  });

  it('reads a short name in parentheses after an organization as the same organization', () => {
    expect(found('石油输出国组织（欧佩克）昨天开会。', 'organization')).toEqual(['石油输出国组织', '欧佩克']);
    expect(found('石油输出国组织（欧佩克）昨天开会。', 'person_name')).toEqual([]);
    expect(found('青岭重工机械有限公司（下称“青重”）昨日公告。', 'organization')).toEqual([
      '青岭重工机械有限公司',
      '青重',
    ]);
    expect(found('中华全国青年联合会（第九届）委员', 'organization')).toEqual(['中华全国青年联合会']);
  });

  it('reads armed forces named by a country abbreviation and 军方 after a country', () => {
    expect(found('当年俄军和日军在此交战。', 'organization')).toEqual(['俄军', '日军']);
    expect(found('法国军方宣布了新的计划。', 'organization')).toEqual(['法国军方']);
  });

  it('reads a place plus an industry word as a company only before an executive role', () => {
    expect(found('记者致电青州信托副总经理了解情况。', 'organization')).toEqual(['青州信托']);
    expect(found('今年青州信托业务增长很快。', 'organization')).toEqual([]);
  });

  it('finds well-known short names, also when HMM glued the next character on', () => {
    expect(found('美联储宣布加息。', 'organization')).toEqual(['美联储']);
    expect(found('汇丰和渣打都在香港发钞。', 'organization')).toEqual(['汇丰', '渣打']);
    expect(found('世嘉今推出新作', 'organization')).toEqual(['世嘉']);
  });

  it('reads the employers of a résumé list of posts after the first one', () => {
    const text = '现任朗峰集团副总裁，澄湾乐园董事长，翟晓总经理负责日常事务。';
    expect(found(text, 'organization')).toEqual(['朗峰集团', '澄湾乐园']);
    expect(found(text, 'person_name')).toEqual(['翟晓']);
  });

  it('reads a Latin-script company name only before a cue only a company takes', () => {
    expect(found('这款游戏由Nordwind开发、Skylark发行。', 'organization')).toEqual(['Nordwind', 'Skylark']);
    expect(found('他负责java开发和测试。', 'organization')).toEqual([]);
  });

  it('extends a well-known ministry over its country', () => {
    expect(found('日本财务省和美国财政部发表声明', 'organization')).toContain('美国财政部');
    expect(found('昨天，副总理孟华主持召开国务院常务会议。', 'organization')).toEqual(['国务院']);
  });

  it('does not read a description of a kind of organization as a name', () => {
    expect(found('他在一家大型商业银行工作。', 'organization')).toEqual([]);
    expect(found('多家知名投资公司参与了竞标。', 'organization')).toEqual([]);
  });

  it('does not turn common words ending in a head character into organizations', () => {
    expect(found('我们全部的社会关系都在进行调整。', 'organization')).toEqual([]);
  });
});

describe('robustness and speed', () => {
  it('returns nothing for text without CJK', () => {
    expect(chineseEntityDetector.detect('Hello world, Mr Smith.', context('Hello world, Mr Smith.'))).toEqual(
      [],
    );
  });

  it('never throws on odd input', () => {
    for (const text of [
      '\ud800王\udc00',
      '王',
      '先生',
      '·',
      '（集团）',
      '张'.repeat(50),
      '公司'.repeat(30),
      '',
    ]) {
      expect(() => chineseEntityDetector.detect(text, context(text))).not.toThrow();
    }
  });

  it('runs in linear time on adversarial token streams', () => {
    const unit = '王李张先生公司集团（集团）·大学局部';
    const tokensSmall = segmentChinese(unit.repeat(2000));
    const tokensLarge = segmentChinese(unit.repeat(20000));
    const small = unit.repeat(2000);
    const large = unit.repeat(20000);
    const time = (text: string, tokens: ReturnType<typeof segmentChinese>) =>
      cpuMs(() => {
        findChineseOrganizations(text, tokens);
        findChinesePersons(text, tokens);
      });
    time(small, tokensSmall);
    const ratio = time(large, tokensLarge) / Math.max(time(small, tokensSmall), 1);
    expect(ratio).toBeLessThan(40);
  });
});

describe('record lines', () => {
  it('reads a name opening a slash- or bar-separated record', () => {
    expect(found('3. 马秀英/13900001111/湖南省长沙市', 'person_name')).toEqual(['马秀英']);
    expect(found('2. 马上/明天/下周', 'person_name')).toEqual([]);
  });

  it('reads names in rosters and chats that lack a cue', () => {
    // A rarer surname before a given name jieba tags as one (志强/nrfg).
    expect(found('1）贝志强的缴费基数不对，请核对', 'person_name')).toEqual(['贝志强']);
    // 可 and 若 opening a given name after a clear surname.
    expect(found('学号 04 岑可欣 证件已交', 'person_name')).toEqual(['岑可欣']);
    expect(found('学号 12 季若彤 证件已交', 'person_name')).toEqual(['季若彤']);
    // "Me and X".
    expect(found('值班的是我和沙鹏飞，有事找我们', 'person_name')).toEqual(['沙鹏飞']);
  });

  it('reads a class or estate committee as an organization only with a place or name before it', () => {
    expect(found('我是三年级二班的家委会成员', 'organization')).toEqual([]);
    expect(found('缴费有问题找家委会财务。', 'organization')).toEqual([]);
    expect(found('由朝阳区居委会出具证明', 'organization')).toEqual(['朝阳区居委会']);
  });

  it('does not read instructions, negations or "where it is" descriptions as organizations', () => {
    for (const text of [
      '备注里写的是“工作日送公司，周末送家里”',
      '另外我妈不太会用智能手机',
      '晚上 9 点后放驿站冷柜',
      '燃气泄漏，已转燃气公司抢修',
      '协商不成的，向房屋所在地人民法院起诉',
      '请补充讲师所在学院的兼职证明',
    ]) {
      expect(found(text, 'organization'), text).toEqual([]);
    }
    expect(found('由杭州市西湖区人民法院审理', 'organization')).toEqual(['杭州市西湖区人民法院']);
  });

  it('reads a name right after a department, and a company before its information centre', () => {
    expect(found('日志里把手机号全打出来了，安全部龙婷上周审计时提过', 'person_name')).toEqual(['龙婷']);
    expect(found('参与人有天津港信息中心主任沈立新等', 'organization')).toEqual(['天津港']);
    expect(found('美国国土安全部发布公告', 'organization')).toEqual(['美国国土安全部']);
  });

  it('reads numbered hospitals and a whole name in parentheses', () => {
    expect(found('6 月 10 日到广州市第八中心医院骨科就诊', 'organization')).toEqual(['广州市第八中心医院']);
    expect(found('在杭州市第一人民医院复查', 'organization')).toEqual(['杭州市第一人民医院']);
    expect(found('卡号 6217 8235（中国建设银行），手机', 'organization')).toEqual(['中国建设银行']);
  });

  it('reads a brand before a product, an app after a glued verb and a generic account bank as no organization', () => {
    for (const text of [
      '二等奖 小米手环 8 × 20；阳光普照奖 京东 E 卡 200 元',
      '我是小区的团长，用快团团卖水果，退款走快团团原路退',
      '检查专票是否缺开户行信息',
    ]) {
      expect(found(text, 'organization'), text).toEqual([]);
    }
  });

  it('reads a hall on a floor of a venue as a room, not an office', () => {
    expect(found('婚宴场地：三楼锦绣厅，共 30 桌', 'organization')).toEqual([]);
    expect(found('浙江省公安厅经侦总队', 'organization')).toEqual(['浙江省公安厅经侦总队']);
  });

  it('leaves words that open with a surname-like character and end in a title alone', () => {
    expect(found('班主任让我整理一条家长群通知', 'person_name')).toEqual([]);
    expect(found('签约当日付定金 5,000 元', 'person_name')).toEqual([]);
  });
});
