/**
 * Common Chinese surnames, Traditional form first and the Simplified form after a slash when
 * it differs: roughly the 400 most frequent single surnames of mainland China, Taiwan and Hong
 * Kong, written down from general knowledge of the published frequency rankings, plus the
 * common compound surnames. General data, not taken from any document.
 *
 * Lookups are done on the Simplified form of the text (see `isSurnameS`), so a surname that
 * S→T conversion has turned into another character (余 → 餘, 范 → 範, 于 → 於) is still found.
 */
const SINGLE = `王 李 張/张 劉/刘 陳/陈 楊/杨 黃/黄 趙/赵 吳/吴 周 徐 孫/孙 馬/马 朱 胡 郭 何 高 林 羅/罗
鄭/郑 梁 謝/谢 宋 唐 許/许 韓/韩 馮/冯 鄧/邓 曹 彭 曾 蕭/萧 田 董 袁 潘 于 蔣/蒋 蔡 余 杜 葉/叶 程
蘇/苏 魏 呂/吕 丁 任 沈 姚 盧/卢 姜 崔 鍾/钟 譚/谭 陸/陆 汪 范 金 石 廖 賈/贾 夏 韋/韦 付 傅 方 白
鄒/邹 孟 熊 秦 邱 江 尹 薛 閆/闫 段 雷 侯 龍/龙 史 陶 黎 賀/贺 顧/顾 毛 郝 龔/龚 邵 萬/万 錢/钱 嚴/严
覃 武 戴 莫 孔 向 湯/汤 常 溫/温 康 施 文 牛 樊 葛 邢 安 齊/齐 易 喬/乔 伍 龐/庞 顏/颜 倪 莊/庄 聶/聂
章 魯/鲁 岳 翟 殷 詹 申 歐/欧 耿 關/关 蘭/兰 焦 俞 左 柳 甘 祝 包 寧/宁 尚 符 舒 阮 柯 紀/纪 梅 童
凌 畢/毕 單/单 季 裴 霍 涂 成 苗 谷 盛 曲 翁 冉 駱/骆 藍/蓝 路 游 辛 靳 管 柴 蒙 鮑/鲍 華/华 喻 祁
蒲 房 滕 屈 饒/饶 解 牟 艾 尤 陽/阳 時/时 穆 農/农 司 卓 古 吉 繆/缪 簡/简 車/车 項/项 連/连 蘆/芦
麥/麦 褚 婁/娄 竇/窦 戚 岑 景 黨/党 宮/宫 費/费 卜 冷 晏 席 衛/卫 米 柏 宗 瞿 桂 全 佟 應/应 臧
閔/闵 苟 鄔/邬 邊/边 卞 姬 師/师 和 仇 欒/栾 隋 商 刁 沙 榮/荣 巫 寇 桑 郎 甄 叢/丛 仲 虞 敖 鞏/巩
明 佘 池 查 麻 苑 遲/迟 鄺/邝 官 封 談/谈 匡 鞠 惠 荊/荆 樂/乐 冀 郁 胥 南 班 儲/储 原 栗 燕 楚
鄢 勞/劳 諶/谌 奚 皮 粟 冼 藺/蔺 樓/楼 盤/盘 滿/满 聞/闻 位 厲/厉 伊 仝 區/区 郜 海 闞/阚 花 權/权
強/强 帥/帅 屠 豆 朴 蓋/盖 練/练 廉 禹 井 祖 漆 巴 豐/丰 支 卿 國/国 狄 平 計/计 索 宣 晉/晋 相
初 門/门 雲/云 容 敬 來/来 扈 晁 芮 都 普 闕/阙 浦 戈 伏 鹿 薄 邸 雍 辜 羊 阿 烏/乌 母 裘 亓 修
邰 赫 杭 況/况 那 宿 鮮/鲜 印 逯 隆 茹 諸/诸 戰/战 慕 危 玉 銀/银 亢 嵇 公 哈 湛 賓/宾 戎 勾 茅
利 呼 居 揭 但 尉 冶 斯 元 束 檀 衣 信 展 陰/阴 昝 智 幸 奉 植 衡 富 堯/尧 閉/闭 由 麴 翦 鄂 丘
姒 邴 巢 雎 鄞 酈/郦 鐘/钟 松 干`;

const COMPOUND = `歐陽/欧阳 司馬/司马 上官 諸葛/诸葛 東方/东方 皇甫 尉遲/尉迟 公孫/公孙 慕容 長孫/长孙 令狐 夏侯
司徒 端木 宇文 澹臺/澹台 軒轅/轩辕 獨孤/独孤 南宮/南宫 西門/西门 鍾離/钟离 申屠 呼延 太史 万俟 完顏/完颜`;

/**
 * Surnames (Simplified form) that are also everyday words (和, 高, 万, 时, 于 …). A name starting
 * with one of them is only accepted with strong evidence (a role title next to it, the glossary).
 */
export const WEAK_SURNAMES_S = new Set(
  Array.from('松干于和万文方高向时成全安常明平江海信利由但初原那来国门位元公都相南白金石车路冷花米云谷连关应单师党强管解支包费计程史项乐席尚申章景展宣司查商区华曲易连宁齐'),
);

function parse(list: string): { t: string; s: string }[] {
  return list
    .split(/\s+/)
    .filter(Boolean)
    .map((e) => {
      const [t, s] = e.split('/');
      return { t, s: s ?? t };
    });
}

export const SURNAMES = parse(SINGLE);
export const COMPOUND_SURNAMES = parse(COMPOUND);

const SINGLE_S = new Set(SURNAMES.map((x) => x.s));
const COMPOUND_S = new Set(COMPOUND_SURNAMES.map((x) => x.s));

/** The single surnames' code units (every one is one UTF-16 unit), for `isSurnameCodeS`. */
const SINGLE_S_CODES = new Uint8Array(65536);
for (const c of SINGLE_S) if (c.length === 1) SINGLE_S_CODES[c.charCodeAt(0)] = 1;

/** Is this Simplified character a common single surname? */
export function isSurnameS(ch: string): boolean {
  return SINGLE_S.has(ch);
}
/** `isSurnameS` of the UTF-16 code unit at `s[i]`, without making a one-character string (scans over every position). */
export function isSurnameCodeS(s: string, i: number): boolean {
  return SINGLE_S_CODES[s.charCodeAt(i)] === 1;
}
/** Is this two-character Simplified string a compound surname? */
export function isCompoundSurnameS(s: string): boolean {
  return COMPOUND_S.has(s);
}
