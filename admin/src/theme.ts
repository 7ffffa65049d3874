import type { ThemeConfig } from 'antd';

/** Government blue with a red accent, compact enough for data-heavy screens. */
export const BRAND = { blue: '#0b4a8f', red: '#c62828', gold: '#ffd54f' };

export const theme: ThemeConfig = {
  token: { colorPrimary: BRAND.blue, colorLink: BRAND.blue, borderRadius: 6, fontSize: 14 },
  components: {
    Layout: { headerBg: BRAND.blue, headerHeight: 56, headerPadding: '0 20px', siderBg: '#ffffff' },
    Menu: { itemBorderRadius: 4, itemSelectedBg: '#e3edf9', itemSelectedColor: BRAND.blue },
    Tree: { nodeSelectedBg: '#e3edf9' },
    Table: { rowSelectedBg: '#f0f6fd', rowSelectedHoverBg: '#e3edf9' },
  },
};
